/**
 * A library card's counts: "Highlights 2 yours · 1 team’s   Notes 1 yours · 0 team’s", or
 * that there are none yet (shown once annotating can start).
 */
import type { ArticleCounts } from '../store/project-summary.ts';

/** No highlights, no notes. */
export const NO_COUNTS: ArticleCounts = { highlights: { yours: 0, team: 0 }, notes: { yours: 0, team: 0 } };

/** The counts line of a card. */
export function CountsLine({ counts }: { readonly counts: ArticleCounts }) {
  const pair = (label: string, kind: 'highlights' | 'notes') => (
    <div data-testid={`article-${kind}`}>
      <dt>{label}</dt>
      <dd><span data-count="yours">{counts[kind].yours}</span> yours · <span data-count="team">{counts[kind].team}</span> team’s</dd>
    </div>
  );
  if (counts.highlights.yours + counts.highlights.team + counts.notes.yours + counts.notes.team === 0) {
    return <p className="library-card__counts library-card__counts--none" data-testid="article-counts">No highlights or notes yet</p>;
  }
  return (
    <dl className="library-card__facts library-card__counts" data-testid="article-counts">
      {pair('Highlights', 'highlights')}
      {pair('Notes', 'notes')}
    </dl>
  );
}
