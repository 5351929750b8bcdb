/**
 * The codebook's legend: how the reader marks a coded highlight. The article shows codes
 * quietly (a colour and an underline, no text added), so the panel that defines the codes
 * is where the marking is explained once.
 */

/** A short explanation of the highlight marking, shown at the top of the Codebook panel. */
export function CodebookLegend() {
  return (
    <p className="codebook__legend" data-testid="codebook-legend">
      In the article, a highlight’s colour is its first code’s, unless it was given a colour of its
      own; a double underline means it carries further codes (hover it to see their names). Click a
      highlight to see and change its codes and its colour.
    </p>
  );
}
