/**
 * The visible mark on a title the source did not state: "[title supplied]", with a tooltip
 * (and an accessible description) saying where the words came from.
 */

/** Explanation shown on hover and read by screen readers. */
export const SUPPLIED_TITLE_EXPLANATION = 'The source has no title; this one is taken from the article’s own words.';

/** The "[title supplied]" mark. */
export function SuppliedTitleMark() {
  return (
    <span className="supplied-title" title={SUPPLIED_TITLE_EXPLANATION} aria-label={`title supplied: ${SUPPLIED_TITLE_EXPLANATION}`}>
      [title supplied]
    </span>
  );
}
