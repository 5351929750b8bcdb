/**
 * Lets the browser skip the article's blocks that are out of view (style, layout, paint),
 * once the article has been laid out in full one time.
 *
 * Every top-level block carries `contain-intrinsic-block-size: auto …` (reader.css), so the
 * browser remembers the height each block had when last laid out. Only after the frame that
 * painted the opened article does the scroller get `data-skip-offscreen`, which gives the
 * blocks `content-visibility: auto`: from then on a block out of view keeps its remembered
 * height instead of an estimate, so reading positions, jumps to a heading and the scroll
 * height stay exact, while a change that touches the whole page — a side panel narrowing the
 * column, a modal dialog making the page inert — costs only the blocks in view and not all
 * of a densely coded article's thousands of highlight marks.
 */

/** The scroller attribute that turns skipping on (reader.css). */
export const SKIP_OFFSCREEN_ATTRIBUTE = 'data-skip-offscreen';

/**
 * Turns skipping on for `scroller` after the next frame is painted (rAF, then a task);
 * returns the function that turns it off again (when the article closes).
 */
export function skipOffscreenBlocksAfterPaint(scroller: HTMLElement): () => void {
  let timer = 0;
  const frame = requestAnimationFrame(() => {
    timer = window.setTimeout(() => scroller.setAttribute(SKIP_OFFSCREEN_ATTRIBUTE, ''), 0);
  });
  return () => {
    cancelAnimationFrame(frame);
    window.clearTimeout(timer);
    scroller.removeAttribute(SKIP_OFFSCREEN_ATTRIBUTE);
  };
}
