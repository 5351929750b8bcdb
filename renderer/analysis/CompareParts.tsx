/**
 * Pieces of the Compare tab: the legend (each kind's swatch in the very style the reader
 * paints it, its name and how many characters it covers) and the resolve actions for the
 * current disagreement.
 */
import type { Article } from '#shared/documents/article.ts';
import type { SegmentKind } from '#shared/analysis/compare.ts';
import type { MemberId, TagId } from '#shared/model/ids.ts';
import type { AnnotationWorkspace } from '../annotations/workspace.ts';
import { applyCodeHere, codedByMe, kindLabel, removeMineHere, type Comparison, type ShownSegment } from './compare-model.ts';

const KINDS: readonly SegmentKind[] = ['a', 'b', 'both'];
const PATTERN: Record<SegmentKind, string> = { a: 'solid underline, hatched', b: 'dashed underline, cross-hatched', both: 'filled' };

/** The legend, with the characters (code points) each kind covers in the article. */
export function CompareLegend({ nameA, nameB, segments }: { readonly nameA: string; readonly nameB: string; readonly segments: readonly ShownSegment[] }) {
  const total = (kind: SegmentKind): number => segments.filter((segment) => segment.kind === kind).reduce((sum, segment) => sum + segment.codePoints.end - segment.codePoints.start, 0);
  return (
    <ul className="compare__legend" aria-label="Legend" data-testid="compare-legend">
      {KINDS.map((kind) => (
        <li key={kind} data-kind={kind}>
          <span className={`compare__swatch compare--${kind}`} aria-hidden="true">Text</span>
          <span>{kindLabel(kind, nameA, nameB)} <span className="muted">({PATTERN[kind]}) · {total(kind).toLocaleString('en')} characters</span></span>
        </li>
      ))}
    </ul>
  );
}

/** Props of {@link CompareResolve}. */
export interface CompareResolveProps {
  readonly workspace: AnnotationWorkspace;
  readonly article: Article;
  readonly comparison: Comparison;
  readonly segment: ShownSegment;
  readonly tag: TagId | null;
  readonly me: MemberId;
  readonly codeName: string;
  /** Called after the action wrote its change. */
  readonly onResolved: () => void;
}

/** One action resolving the current disagreement as the person: code it, or take their coding away. */
export function CompareResolve({ workspace, article, comparison, segment, tag, me, codeName, onResolved }: CompareResolveProps) {
  if (tag === null) return <p className="panel-empty">Choose a code to resolve disagreements.</p>;
  const doc = workspace.session.doc;
  const mine = codedByMe(comparison, me, tag, segment.codePoints);
  return (
    <div className="compare__resolve">
      {mine ? (
        <button type="button" className="button" data-testid="compare-remove-mine" onClick={() => {
          removeMineHere(doc, workspace.actor(), comparison, segment, tag);
          onResolved();
        }}>
          Remove mine
        </button>
      ) : (
        <button type="button" className="button" data-testid="compare-apply" onClick={() => {
          applyCodeHere(doc, workspace.actor(), article, comparison, segment, tag);
          onResolved();
        }}>
          Apply {codeName} here
        </button>
      )}
    </div>
  );
}
