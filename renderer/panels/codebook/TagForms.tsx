/**
 * The forms that open under a codebook row: edit a tag's fields, or merge it into another
 * tag. Each submits one model call (one undo step); fields people edit concurrently merge
 * field by field (shared/model/tags.ts). Escape inside a form cancels it, as its Cancel
 * button does, and leaves the panel open.
 */
import { useId, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { TagId } from '#shared/model/ids.ts';
import type { TagTreeNode } from '#shared/model/queries.ts';
import { mergeTag, updateTag } from '#shared/model/tags.ts';
import type { AnnotationWorkspace } from '../../annotations/workspace.ts';
import { nameClash, type CodebookRowData } from './rows.ts';

/** Escape cancels the form (and is not the panel's Escape, which would close it with the edit lost). */
function cancelOnEscape(onCancel: () => void) {
  return (event: KeyboardEvent<HTMLFormElement>): void => {
    if (event.key !== 'Escape' || event.defaultPrevented) return;
    event.preventDefault();
    onCancel();
  };
}

/** The form that edits a tag's name, colour, description and parent, under its row. */
export function TagEditor({ workspace, row, all, onDone }: { workspace: AnnotationWorkspace; row: CodebookRowData; all: readonly CodebookRowData[]; onDone(): void }) {
  const tag = row.node.tag;
  const [name, setName] = useState(tag.name);
  const [colour, setColour] = useState(tag.colour);
  const [description, setDescription] = useState(tag.description);
  const [parent, setParent] = useState<string>(tag.parentId ?? '');
  const [refusal, setRefusal] = useState<string | null>(null);
  const refusalId = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (name.trim() === '') return;
    const clash = nameClash(all, name, tag.id);
    setRefusal(clash);
    if (clash !== null) return;
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
    <form className="tag-editor" onSubmit={submit} onKeyDown={cancelOnEscape(onDone)} aria-label={`Edit ${tag.name}`}>
      <label className="field"><span>Name</span><input
        value={name}
        onChange={(e) => {
          setName(e.target.value);
          setRefusal(null);
        }}
        aria-invalid={refusal !== null}
        aria-describedby={refusal === null ? undefined : refusalId}
        data-testid="tag-edit-name"
      /></label>
      {refusal !== null && <p id={refusalId} className="codebook__refusal" role="alert">{refusal}</p>}
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

/** The form that merges a tag into another one, under its row. */
export function MergeForm({ workspace, row, all, onDone }: { workspace: AnnotationWorkspace; row: CodebookRowData; all: readonly CodebookRowData[]; onDone(): void }) {
  const [into, setInto] = useState('');
  return (
    <form className="tag-editor" aria-label={`Merge ${row.node.tag.name}`} onKeyDown={cancelOnEscape(onDone)} onSubmit={(event) => {
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
