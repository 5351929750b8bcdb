/**
 * `describe(text, span)`: the selectors that identify a span of a document's canonical
 * text — the symmetric partner of `anchor` (Hypothesis' describe/anchor pair, on plain text
 * so the model never depends on ProseMirror).
 */
import { CONTEXT_LENGTH, type Selectors } from './types.ts';

/** Describes `text[start, end)` by position and by quote with `CONTEXT_LENGTH` characters of context. */
export function describe(text: string, span: { readonly start: number; readonly end: number }): Selectors {
  const { start, end } = span;
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start || end > text.length) {
    throw new RangeError(`span ${start}..${end} is outside a text of length ${text.length}`);
  }
  return {
    position: { start, end },
    quote: {
      exact: text.slice(start, end),
      prefix: text.slice(Math.max(0, start - CONTEXT_LENGTH), start),
      suffix: text.slice(end, end + CONTEXT_LENGTH),
    },
  };
}
