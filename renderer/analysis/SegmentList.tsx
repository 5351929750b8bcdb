/**
 * A list of coded segments grouped by article, as the Segments tab and the table cells
 * show them: each segment in its context (the match marked), its codes with who applied
 * each, its note and the replies. A click (or Enter) on a segment opens its article with
 * the highlight focused (workspace.jumpTo). With `printable`, segments are plain blocks
 * instead of buttons (the print sheet).
 */
import type { SegmentGroup, SegmentInContext } from '#shared/analysis/segments.ts';
import type { HighlightId } from '#shared/model/ids.ts';
import type { AnnotationWorkspace } from '../annotations/workspace.ts';

/** Props of {@link SegmentList}. */
export interface SegmentListProps {
  readonly groups: readonly SegmentGroup[];
  /** Opens a segment in the reader; absent for the print sheet. */
  readonly workspace?: AnnotationWorkspace;
  /** Most segments rendered (the heading of each article still counts them all). */
  readonly limit?: number;
}

function SegmentBody({ segment }: { readonly segment: SegmentInContext }) {
  const { excerpt } = segment;
  return (
    <>
      <span className="segment__text">
        <span className="segment__context">{segment.before}</span>
        <mark className="segment__quote">{excerpt.quote}</mark>
        <span className="segment__context">{segment.after}</span>
      </span>
      <span className="segment__codes" data-testid="segment-codes">
        {excerpt.tags.map((tag) => (
          <span key={tag.id} className="tag-chip">
            <span className={`tag-swatch tag-swatch-${tag.id}`} aria-hidden="true" />
            {tag.name}
            {tag.appliedBy !== undefined && tag.appliedBy.name !== '' && <span className="segment__coder"> · {tag.appliedBy.name}</span>}
          </span>
        ))}
      </span>
      {excerpt.notes.map((note) => (
        <span key={note.id} className="segment__note" data-testid="segment-note">
          <span className="segment__note-text">{note.text}</span>
          <span className="segment__author"> — {note.author.name}</span>
          {note.replies.map((reply) => (
            <span key={reply.id} className="segment__reply" data-testid="segment-reply">
              {reply.text}
              <span className="segment__author"> — {reply.author.name}</span>
            </span>
          ))}
        </span>
      ))}
    </>
  );
}

/** The list. */
export function SegmentList({ groups, workspace, limit = Number.POSITIVE_INFINITY }: SegmentListProps) {
  let budget = limit;
  return (
    <div className="segment-list">
      {groups.map((group) => {
        const shown = group.segments.slice(0, Math.max(0, budget));
        budget -= shown.length;
        return (
          <section key={group.documentId} className="segment-group" data-testid="segment-group" data-document-id={group.documentId}>
            <h3 className="segment-group__title">
              {group.title} <span className="segment-group__count" data-testid="segment-group-count">{group.segments.length}</span>
            </h3>
            <ol className="segment-group__list">
              {shown.map((segment) => (
                <li key={segment.excerpt.id}>
                  {workspace === undefined ? (
                    <div className="segment" data-testid="segment"><SegmentBody segment={segment} /></div>
                  ) : (
                    <button
                      type="button"
                      className="segment"
                      data-testid="segment"
                      onClick={() => workspace.jumpTo(segment.excerpt.id as HighlightId, segment.excerpt.document.id)}
                    >
                      <SegmentBody segment={segment} />
                    </button>
                  )}
                </li>
              ))}
            </ol>
          </section>
        );
      })}
    </div>
  );
}
