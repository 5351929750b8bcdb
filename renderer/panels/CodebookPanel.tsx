/**
 * The codebook: the tag tree with counts and number keys; create, rename, recolour,
 * describe, re-parent, merge one tag into another, choose a tag's number key, and delete
 * after being told how many highlights carry it. Every change is one model call (one undo
 * step) and merges with teammates' edits field by field (shared/model/tags.ts,
 * shared/model/tag-keys.ts). The rows live in codebook/.
 */
import { useId, useMemo, useState, type FormEvent } from 'react';
import type * as Y from 'yjs';
import type { TagId } from '#shared/model/ids.ts';
import { listTags, tagUsageCounts, type TagUsage } from '#shared/model/queries.ts';
import { resolveTagKeys } from '#shared/model/tag-keys.ts';
import { createTag } from '#shared/model/tags.ts';
import { TAG_PALETTE } from '../store/annotation-actions.ts';
import { useDocRead, useDocReadWhenIdle } from '../annotations/use-workspace.ts';
import type { AnnotationWorkspace } from '../annotations/workspace.ts';
import { CodebookRow, type RowMode } from './codebook/CodebookRow.tsx';
import { nameClash, rowsOf } from './codebook/rows.ts';
import './codebook/codebook.css';
import { CodebookLegend } from './codebook/CodebookLegend.tsx';

/** The codebook's rows in tree order, without counts (they come from {@link tagUsageCounts}, read when idle). */
function codebookRows(doc: Y.Doc) {
  return rowsOf(listTags(doc, null));
}

const UNUSED: TagUsage = { direct: 0, total: 0 };

/** The codebook panel. */
export function CodebookPanel({ workspace }: { readonly workspace: AnnotationWorkspace }) {
  const doc = workspace.session.doc;
  const rows = useDocRead(doc, codebookRows);
  // Counting goes through every highlight (~15 ms at 10k): after the panel has painted, not before.
  const usage = useDocReadWhenIdle(doc, tagUsageCounts);
  const keys = useDocRead(doc, resolveTagKeys);
  const names = useMemo(() => new Map(rows.map((row) => [row.node.tag.id, row.node.tag.name])), [rows]);
  const [open, setOpen] = useState<{ id: TagId; mode: RowMode } | null>(null);
  const [newName, setNewName] = useState('');
  const [newParent, setNewParent] = useState('');
  const [refusal, setRefusal] = useState<string | null>(null);
  const refusalId = useId();

  const create = (event: FormEvent) => {
    event.preventDefault();
    if (newName.trim() === '') return;
    const clash = nameClash(rows, newName);
    setRefusal(clash);
    if (clash !== null) return;
    createTag(doc, workspace.actor(), {
      name: newName.trim(),
      colour: TAG_PALETTE[rows.length % TAG_PALETTE.length] as string,
      parentId: newParent === '' ? null : (newParent as TagId),
    });
    // Each new tag starts from the form's defaults: the parent chosen for one is not the next one's.
    setNewName('');
    setNewParent('');
  };

  return (
    <div className="codebook">
      <form className="codebook__create" onSubmit={create}>
        <input
          placeholder="New tag name"
          value={newName}
          onChange={(e) => {
            setNewName(e.target.value);
            setRefusal(null);
          }}
          aria-label="New tag name"
          aria-invalid={refusal !== null}
          aria-describedby={refusal === null ? undefined : refusalId}
          data-testid="new-tag-name"
        />
        <select value={newParent} onChange={(e) => setNewParent(e.target.value)} aria-label="Parent of the new tag">
          <option value="">(top level)</option>
          {rows.map((row) => <option key={row.node.tag.id} value={row.node.tag.id}>{'\u2003'.repeat(row.depth)}{row.node.tag.name}</option>)}
        </select>
        <button type="submit" className="button">Add tag</button>
        {refusal !== null && <p id={refusalId} className="codebook__refusal" role="alert">{refusal}</p>}
      </form>
      <CodebookLegend />
      {rows.length === 0 && <p className="panel-empty">No tags yet. Add one above, or type a new name in the selection toolbar.</p>}
      <ol className="codebook__tree" aria-busy={!usage.current} data-counts={usage.current ? 'current' : 'pending'}>
        {rows.map((row) => (
          <CodebookRow
            key={row.node.tag.id}
            workspace={workspace}
            row={row}
            usage={usage.value === undefined ? undefined : (usage.value.get(row.node.tag.id) ?? UNUSED)}
            all={rows}
            keys={keys}
            nameOf={(id) => names.get(id) ?? 'another tag'}
            mode={open?.id === row.node.tag.id ? open.mode : null}
            onMode={(mode) => setOpen(mode === null ? null : { id: row.node.tag.id, mode })}
          />
        ))}
      </ol>
    </div>
  );
}
