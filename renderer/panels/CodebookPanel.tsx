/**
 * The codebook: the tag tree with counts; create, rename, recolour, describe, re-parent,
 * merge one tag into another, and delete after being told how many highlights carry it.
 * Every change is one model call (one undo step) and merges with teammates' edits field by
 * field (shared/model/tags.ts).
 */
import { useMemo, useState, type FormEvent } from 'react';
import type { TagId } from '#shared/model/ids.ts';
import { countApplications, listTags, type TagTreeNode } from '#shared/model/queries.ts';
import { createTag, deleteTag, mergeTag, updateTag } from '#shared/model/tags.ts';
import { TAG_PALETTE } from '../store/annotation-actions.ts';
import { useDocVersion } from '../annotations/use-workspace.ts';
import type { AnnotationWorkspace } from '../annotations/workspace.ts';

interface Row {
  readonly node: TagTreeNode;
  readonly depth: number;
}

function rowsOf(nodes: readonly TagTreeNode[], depth = 0, out: Row[] = []): Row[] {
  for (const node of nodes) {
    out.push({ node, depth });
    rowsOf(node.children, depth + 1, out);
  }
  return out;
}

function TagEditor({ workspace, row, all, onDone }: { workspace: AnnotationWorkspace; row: Row; all: readonly Row[]; onDone(): void }) {
  const tag = row.node.tag;
  const [name, setName] = useState(tag.name);
  const [colour, setColour] = useState(tag.colour);
  const [description, setDescription] = useState(tag.description);
  const [parent, setParent] = useState<string>(tag.parentId ?? '');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (name.trim() === '') return;
    updateTag(workspace.session.doc, workspace.actor(), tag.id, {
      ...(name.trim() !== tag.name ? { name: name.trim() } : {}),
      ...(colour !== tag.colour ? { colour } : {}),
      ...(description !== tag.description ? { description } : {}),
      ...(parent !== (tag.parentId ?? '') ? { parentId: parent === '' ? null : (parent as TagId) } : {}),
    });
    onDone();
  };
  const descendants = new Set<string>();
  const collect = (node: TagTreeNode): void => {
    descendants.add(node.tag.id);
    node.children.forEach(collect);
  };
  collect(row.node);
  return (
    <form className="tag-editor" onSubmit={submit} aria-label={`Edit ${tag.name}`}>
      <label className="field"><span>Name</span><input value={name} onChange={(e) => setName(e.target.value)} data-testid="tag-edit-name" /></label>
      <label className="field field--inline"><span>Colour</span><input type="color" value={colour} onChange={(e) => setColour(e.target.value)} /></label>
      <label className="field"><span>Description</span><textarea value={description} onChange={(e) => setDescription(e.target.value)} rows={2} /></label>
      <label className="field"><span>Parent</span>
        <select value={parent} onChange={(e) => setParent(e.target.value)}>
          <option value="">(top level)</option>
          {all.filter((other) => !descendants.has(other.node.tag.id)).map((other) => (
            <option key={other.node.tag.id} value={other.node.tag.id}>{'\u2003'.repeat(other.depth)}{other.node.tag.name}</option>
          ))}
        </select>
      </label>
      <span className="tag-editor__actions">
        <button type="submit" className="button button--primary">Save</button>
        <button type="button" className="button" onClick={onDone}>Cancel</button>
      </span>
    </form>
  );
}

function MergeForm({ workspace, row, all, onDone }: { workspace: AnnotationWorkspace; row: Row; all: readonly Row[]; onDone(): void }) {
  const [into, setInto] = useState('');
  return (
    <form className="tag-editor" aria-label={`Merge ${row.node.tag.name}`} onSubmit={(event) => {
      event.preventDefault();
      if (into === '') return;
      mergeTag(workspace.session.doc, workspace.actor(), row.node.tag.id, into as TagId);
      onDone();
    }}>
      <label className="field"><span>Merge “{row.node.tag.name}” into</span>
        <select value={into} onChange={(e) => setInto(e.target.value)} data-testid="merge-into">
          <option value="">Choose a tag…</option>
          {all.filter((other) => other.node.tag.id !== row.node.tag.id).map((other) => (
            <option key={other.node.tag.id} value={other.node.tag.id}>{other.node.tag.name}</option>
          ))}
        </select>
      </label>
      <span className="tag-editor__actions">
        <button type="submit" className="button button--primary" disabled={into === ''}>Merge</button>
        <button type="button" className="button" onClick={onDone}>Cancel</button>
      </span>
    </form>
  );
}

/**
 * The number key that applies a tag, drawn as a key cap so it is not read as a count; the
 * tooltip and the screen-reader text say what it does.
 */
function KeyCap({ number }: { number: number }) {
  return (
    <>
      <kbd className="codebook__key" title={`Press ${number} to apply this tag to the selection or focused highlight`} aria-hidden="true">{number}</kbd>
      <span className="visually-hidden">Key {number}</span>
    </>
  );
}

function highlights(count: number): string {
  return `${count} highlight${count === 1 ? '' : 's'}`;
}

/** How many highlights carry the tag (sub-tags included), with the noun in the tooltip and for screen readers. */
function HighlightCount({ direct, total }: { direct: number; total: number }) {
  const label = total === direct ? highlights(total) : `${highlights(total)} (${direct} with this tag itself, the rest through sub-tags)`;
  return (
    <>
      <span className="codebook__count" data-testid="tag-count" title={label} aria-hidden="true">{total}</span>
      <span className="visually-hidden">{label}</span>
    </>
  );
}

/** The codebook panel. */
export function CodebookPanel({ workspace }: { readonly workspace: AnnotationWorkspace }) {
  const doc = workspace.session.doc;
  const version = useDocVersion(doc);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- version stands for the doc's content
  const rows = useMemo(() => rowsOf(listTags(doc)), [doc, version]);
  const [editing, setEditing] = useState<{ id: TagId; mode: 'edit' | 'merge' } | null>(null);
  const [confirming, setConfirming] = useState<{ id: TagId; name: string; count: number } | null>(null);
  const [newName, setNewName] = useState('');
  const [newParent, setNewParent] = useState('');

  const create = (event: FormEvent) => {
    event.preventDefault();
    if (newName.trim() === '') return;
    createTag(doc, workspace.actor(), {
      name: newName.trim(),
      colour: TAG_PALETTE[rows.length % TAG_PALETTE.length] as string,
      parentId: newParent === '' ? null : (newParent as TagId),
    });
    setNewName('');
  };

  return (
    <div className="codebook">
      <form className="codebook__create" onSubmit={create}>
        <input placeholder="New tag name" value={newName} onChange={(e) => setNewName(e.target.value)} aria-label="New tag name" data-testid="new-tag-name" />
        <select value={newParent} onChange={(e) => setNewParent(e.target.value)} aria-label="Parent of the new tag">
          <option value="">(top level)</option>
          {rows.map((row) => <option key={row.node.tag.id} value={row.node.tag.id}>{'\u2003'.repeat(row.depth)}{row.node.tag.name}</option>)}
        </select>
        <button type="submit" className="button">Add tag</button>
      </form>
      {confirming !== null && (
        <div className="confirm" role="alertdialog" aria-labelledby="confirm-delete-text" data-testid="confirm-delete">
          <p id="confirm-delete-text">Delete “{confirming.name}”? It is applied to {confirming.count} highlight{confirming.count === 1 ? '' : 's'}. They keep their other tags, and the tag can be restored from the trash.</p>
          <button type="button" className="button button--danger" onClick={() => {
            deleteTag(doc, workspace.actor(), confirming.id);
            setConfirming(null);
          }}>Delete tag</button>
          <button type="button" className="button" onClick={() => setConfirming(null)}>Keep it</button>
        </div>
      )}
      {rows.length === 0 && <p className="panel-empty">No tags yet. Add one above, or type a new name in the selection toolbar.</p>}
      <ol className="codebook__tree">
        {rows.map((row, index) => {
          const tag = row.node.tag;
          return (
            <li key={tag.id} className={`codebook__row codebook__row--depth-${Math.min(row.depth, 4)}`} data-tag-name={tag.name}>
              <span className="codebook__line">
                <span className={`tag-swatch tag-swatch-${tag.id}`} aria-hidden="true" />
                <span className="codebook__name" title={tag.description || undefined}>{tag.name}</span>
                {index < 9 && <KeyCap number={index + 1} />}
                <HighlightCount direct={row.node.count} total={row.node.totalCount} />
                <span className="codebook__actions">
                  <button type="button" className="button button--quiet" onClick={() => setEditing({ id: tag.id, mode: 'edit' })}>Edit</button>
                  <button type="button" className="button button--quiet" onClick={() => setEditing({ id: tag.id, mode: 'merge' })}>Merge</button>
                  <button type="button" className="button button--quiet" onClick={() => setConfirming({ id: tag.id, name: tag.name, count: countApplications(doc, tag.id) })}>Delete</button>
                </span>
              </span>
              {tag.description !== '' && <span className="codebook__description">{tag.description}</span>}
              {editing?.id === tag.id && editing.mode === 'edit' && <TagEditor workspace={workspace} row={row} all={rows} onDone={() => setEditing(null)} />}
              {editing?.id === tag.id && editing.mode === 'merge' && <MergeForm workspace={workspace} row={row} all={rows} onDone={() => setEditing(null)} />}
            </li>
          );
        })}
      </ol>
    </div>
  );
}
