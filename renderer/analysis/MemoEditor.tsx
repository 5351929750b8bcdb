/**
 * One memo open for writing: its title, who started it and who edited it last, the
 * code's description for a code memo, the text (a textarea bound to the memo's Y.Text),
 * tools to link a highlight — the focused one, or one picked from a search — and the live
 * preview, whose links jump to their highlight. A subject that two people started offline
 * has two records after the merge: both are shown and editable, the later one under the
 * first, so nobody's text is lost.
 */
import { useRef, useState } from 'react';
import type { Article } from '#shared/documents/article.ts';
import type { HighlightId } from '#shared/model/ids.ts';
import type { MemoView } from '#shared/model/memo-views.ts';
import { getHighlight } from '#shared/model/queries.ts';
import { highlightLink, highlightLinkText } from '#shared/text/memo-markup.ts';
import { useWorkspaceSnapshot } from '../annotations/use-workspace.ts';
import type { AnnotationWorkspace } from '../annotations/workspace.ts';
import { formatTime, memberNames } from '../panels/people.ts';
import { MemoLinkPicker } from './MemoLinkPicker.tsx';
import { MemoPreview } from './MemoPreview.tsx';
import { MemoTextarea } from './MemoTextarea.tsx';

/** Props of {@link MemoEditor}. */
export interface MemoEditorProps {
  readonly workspace: AnnotationWorkspace;
  readonly articles: readonly Article[];
  readonly subject: string;
  readonly title: string;
  /** The code's description from the codebook, shown above a code memo ('' for none). */
  readonly description: string;
  /** The memo as read, undefined while nobody has written it. */
  readonly memo: MemoView | undefined;
  onBack(): void;
}

/** Inserts `text` at the caret of `element` (replacing its selection) as typing would. */
function insertAtCaret(element: HTMLTextAreaElement, text: string): void {
  element.focus();
  element.setRangeText(text, element.selectionStart, element.selectionEnd, 'end');
  element.dispatchEvent(new Event('input', { bubbles: true }));
}

/** The memo editor. */
export function MemoEditor({ workspace, articles, subject, title, description, memo, onBack }: MemoEditorProps) {
  const doc = workspace.session.doc;
  const { focused } = useWorkspaceSnapshot(workspace);
  const [picking, setPicking] = useState(false);
  const textarea = useRef<HTMLTextAreaElement>(null);
  const nameOf = memberNames(doc);
  const [first, ...later] = memo?.records ?? [];
  const focusedHighlight = focused === null ? undefined : getHighlight(doc, focused);

  const link = (id: string, quote: string): void => {
    if (textarea.current !== null) insertAtCaret(textarea.current, highlightLink(quote, id));
  };
  const open = (id: string): void => {
    const target = getHighlight(doc, id as HighlightId);
    if (target === undefined || target.deleted !== null) {
      workspace.notify({ kind: 'info', text: 'That highlight is not in the project any more (deleted, or not merged here yet).' });
      return;
    }
    workspace.jumpTo(target.id, target.documentId);
  };

  return (
    <section className="memo-editor" aria-labelledby="memo-title">
      <button type="button" className="button button--quiet" onClick={onBack}>← All memos</button>
      <h3 id="memo-title" className="memo-editor__title">{title}</h3>
      {memo !== undefined && first !== undefined && (
        <p className="memo-editor__meta" data-testid="memo-meta">
          Started by {nameOf(first.createdBy)}, {formatTime(first.createdAt)} · last edited by {nameOf(memo.editedBy)}, {formatTime(memo.editedAt)}
        </p>
      )}
      {description !== '' && <p className="memo-editor__description"><span className="memo-editor__label">Description (codebook):</span> {description}</p>}
      {first !== undefined && !first.editable ? (
        <p className="memo-editor__read">{first.text}</p>
      ) : (
        <MemoTextarea workspace={workspace} subject={subject} recordId={first?.id} label={title} textareaRef={textarea} />
      )}
      <div className="memo-editor__tools">
        <button
          type="button"
          className="button"
          disabled={focusedHighlight === undefined}
          title={focusedHighlight === undefined ? 'Click a highlight in the article first' : `Link “${focusedHighlight.quote.exact}”`}
          onClick={() => focusedHighlight && link(focusedHighlight.id, focusedHighlight.quote.exact)}
        >
          {focusedHighlight === undefined ? 'Link focused highlight' : `Link “${highlightLinkText(focusedHighlight.quote.exact, 24)}”`}
        </button>
        <button type="button" className="button" aria-expanded={picking} onClick={() => setPicking(!picking)}>Pick a highlight…</button>
      </div>
      {picking && (
        <MemoLinkPicker
          workspace={workspace}
          articles={articles}
          onPick={(highlight) => {
            setPicking(false);
            link(highlight.id, highlight.quote.exact);
          }}
          onCancel={() => {
            setPicking(false);
            textarea.current?.focus();
          }}
        />
      )}
      {later.map((record) => (
        <div key={record.id} className="memo-editor__later">
          <p className="memo-editor__meta">Also started by {nameOf(record.createdBy)}, {formatTime(record.createdAt)}, apart from the text above (both kept when the work was merged):</p>
          {record.editable ? (
            <MemoTextarea workspace={workspace} subject={subject} recordId={record.id} label={`${title}, started by ${nameOf(record.createdBy)}`} />
          ) : (
            <p className="memo-editor__read">{record.text}</p>
          )}
        </div>
      ))}
      <h4 className="memo-editor__preview-heading">Preview</h4>
      <MemoPreview text={memo?.text ?? ''} onOpenHighlight={open} />
    </section>
  );
}
