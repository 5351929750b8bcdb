/**
 * Keyword-in-context windows: the words just before and after a span of a document's
 * canonical text, as one line. Corpus search (corpus-search.ts) shows its matches this way
 * and the Segments view shows coded segments the same way, so both read alike.
 *
 * A window stops at the paragraph's edge (canonical text joins textblocks with "\n",
 * docs/architecture.md §4) and otherwise at a word boundary within `width` UTF-16 units;
 * where it cut a paragraph short it says so with "…".
 */

/** The text around a span, ready to print as "before [span] after". */
export interface ContextWindow {
  readonly before: string;
  readonly after: string;
}

/** Most UTF-16 units of context on each side unless told otherwise. */
export const DEFAULT_CONTEXT_WIDTH = 60;

const ELLIPSIS = '…';

/** The context of `text[start, end)`: up to `width` units each side, within its paragraph, cut at word boundaries. */
export function contextAround(text: string, start: number, end: number, width = DEFAULT_CONTEXT_WIDTH): ContextWindow {
  const paragraphStart = text.lastIndexOf('\n', start - 1) + 1;
  const nextBreak = text.indexOf('\n', end);
  const paragraphEnd = nextBreak < 0 ? text.length : nextBreak;

  let from = Math.max(paragraphStart, start - width);
  if (from > paragraphStart && text[from - 1] !== ' ') {
    const space = text.indexOf(' ', from);
    from = space >= 0 && space < start ? space + 1 : from;
  }
  let to = Math.min(paragraphEnd, end + width);
  if (to < paragraphEnd && text[to] !== ' ') {
    const space = text.lastIndexOf(' ', to);
    to = space > end ? space : to;
  }
  const before = text.slice(from, start);
  const after = text.slice(end, to);
  return {
    before: (from > paragraphStart ? ELLIPSIS : '') + before,
    after: after + (to < paragraphEnd ? ELLIPSIS : ''),
  };
}
