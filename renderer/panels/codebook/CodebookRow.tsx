/**
 * One row of the codebook: swatch, name, number key (its cap opens the key picker), count
 * of highlights, and the actions — each of which opens under the row it acts on (editor,
 * merge form, key picker, delete confirmation), so the answer is where the question was.
 * Which row has something open is the panel's state, so only one is open at a time; when
 * it closes (saved, cancelled, or Escape inside it), focus goes back to the control that
 * opened it. A merged tag's row leaves with the focused button; the drawer then keeps the
 * keyboard (PanelDrawer).
 */
import { useId, useRef } from 'react';
import type { TagId } from '#shared/model/ids.ts';
import { countApplications, type TagUsage } from '#shared/model/queries.ts';
import { setTagKey, type TagKeys } from '#shared/model/tag-keys.ts';
import { deleteTag } from '#shared/model/tags.ts';
import type { AnnotationWorkspace } from '../../annotations/workspace.ts';
import { codeMemoTabSubject, MEMOS_TAB } from '../../analysis/memo-subjects.ts';
import { SEGMENTS_TAB_ID, segmentsSubject } from '../../analysis/segments-subject.ts';
import { DeleteConfirm } from './DeleteConfirm.tsx';
import { KeyCapButton, KeyConflictNote, KeyPicker } from './KeyPicker.tsx';
import type { CodebookRowData } from './rows.ts';
import { MergeForm, TagEditor } from './TagForms.tsx';

/** What a row has open under it. */
export type RowMode = 'edit' | 'merge' | 'key' | 'delete';

function highlights(count: number): string {
  return `${count} highlight${count === 1 ? '' : 's'}`;
}

/** How many highlights carry the tag (sub-tags included), with the noun in the tooltip and for screen readers; "…" until counted. */
function HighlightCount({ usage }: { usage: TagUsage | undefined }) {
  if (usage === undefined) {
    return (
      <>
        <span className="codebook__count codebook__count--pending" data-testid="tag-count" aria-hidden="true">…</span>
        <span className="visually-hidden">counting highlights</span>
      </>
    );
  }
  const { direct, total } = usage;
  const label = total === direct ? highlights(total) : `${highlights(total)} (${direct} with this tag itself, the rest through sub-tags)`;
  return (
    <>
      <span className="codebook__count" data-testid="tag-count" title={label} aria-hidden="true">{total}</span>
      <span className="visually-hidden">{label}</span>
    </>
  );
}

/** Props of {@link CodebookRow}. */
export interface CodebookRowProps {
  readonly workspace: AnnotationWorkspace;
  readonly row: CodebookRowData;
  /** How many highlights carry the tag; undefined until the codebook's counts are first read. */
  readonly usage: TagUsage | undefined;
  readonly all: readonly CodebookRowData[];
  readonly keys: TagKeys;
  /** The name of a live tag. */
  readonly nameOf: (id: TagId) => string;
  /** What this row has open, if anything. */
  readonly mode: RowMode | null;
  onMode(mode: RowMode | null): void;
}

/** A codebook row. */
export function CodebookRow({ workspace, row, usage, all, keys, nameOf, mode, onMode }: CodebookRowProps) {
  const doc = workspace.session.doc;
  const tag = row.node.tag;
  const pickerId = useId();
  const keyButton = useRef<HTMLButtonElement>(null);
  const deleteButton = useRef<HTMLButtonElement>(null);
  const editButton = useRef<HTMLButtonElement>(null);
  const mergeButton = useRef<HTMLButtonElement>(null);
  const keyNumber = keys.keyOf.get(tag.id);
  const conflict = keys.conflicts.get(tag.id);
  const closeKeyPicker = (): void => {
    onMode(null);
    keyButton.current?.focus();
  };
  const closeConfirm = (): void => {
    onMode(null);
    deleteButton.current?.focus();
  };
  const closeForm = (opener: { readonly current: HTMLButtonElement | null }) => (): void => {
    onMode(null);
    opener.current?.focus();
  };
  const toggle = (next: RowMode) => () => onMode(mode === next ? null : next);
  return (
    <li className={`codebook__row codebook__row--depth-${Math.min(row.depth, 4)}`} data-tag-name={tag.name}>
      <span className="codebook__line">
        <span className={`tag-swatch tag-swatch-${tag.id}`} aria-hidden="true" />
        <span className="codebook__name" title={tag.description || undefined}>{tag.name}</span>
        <KeyCapButton tagName={tag.name} keyNumber={keyNumber} open={mode === 'key'} pickerId={pickerId} buttonRef={keyButton} onToggle={toggle('key')} />
        <HighlightCount usage={usage} />
        <span className="codebook__actions">
          <button type="button" className="button button--quiet" aria-label={`Segments of ${tag.name}`} onClick={() => workspace.openAnalysis(SEGMENTS_TAB_ID, segmentsSubject(tag.id))}>Segments</button>
          <button ref={editButton} type="button" className="button button--quiet" aria-expanded={mode === 'edit'} onClick={toggle('edit')}>Edit</button>
          <button ref={mergeButton} type="button" className="button button--quiet" aria-expanded={mode === 'merge'} onClick={toggle('merge')}>Merge</button>
          <button type="button" className="button button--quiet" aria-label={`Memo on ${tag.name}`} onClick={() => workspace.openAnalysis(MEMOS_TAB, codeMemoTabSubject(tag.id))}>Memo</button>
          <button ref={deleteButton} type="button" className="button button--quiet" aria-expanded={mode === 'delete'} onClick={toggle('delete')}>Delete</button>
        </span>
      </span>
      {conflict !== undefined && <KeyConflictNote conflict={conflict} holderName={nameOf(conflict.heldBy)} />}
      {tag.description !== '' && <span className="codebook__description">{tag.description}</span>}
      {mode === 'key' && (
        <KeyPicker
          id={pickerId}
          tagId={tag.id}
          tagName={tag.name}
          keyNumber={keyNumber}
          holderOf={(key) => {
            const holder = keys.tagOf.get(key);
            return holder === undefined ? undefined : { id: holder, name: nameOf(holder) };
          }}
          onChoose={(key) => {
            setTagKey(doc, workspace.actor(), tag.id, key);
            closeKeyPicker();
          }}
          onCancel={closeKeyPicker}
        />
      )}
      {mode === 'delete' && (
        <DeleteConfirm
          tagName={tag.name}
          applications={countApplications(doc, tag.id)}
          onDelete={() => {
            onMode(null);
            deleteTag(doc, workspace.actor(), tag.id);
          }}
          onCancel={closeConfirm}
        />
      )}
      {mode === 'edit' && <TagEditor workspace={workspace} row={row} all={all} onDone={closeForm(editButton)} />}
      {mode === 'merge' && <MergeForm workspace={workspace} row={row} all={all} onDone={closeForm(mergeButton)} />}
    </li>
  );
}
