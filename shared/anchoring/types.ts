/**
 * Selector types (W3C Web Annotation TextPositionSelector and TextQuoteSelector, on the
 * document's canonical plain text) and anchoring results.
 *
 * Offsets are UTF-16 code units of the canonical text (what JS strings index); exporters
 * convert to code points where a format requires them (docs/architecture.md §4).
 */

/** Start and end offsets in the canonical text (end exclusive). */
export type TextPositionSelector = { readonly start: number; readonly end: number };

/** The quoted text with up to `CONTEXT_LENGTH` characters of context on either side. */
export type TextQuoteSelector = { readonly exact: string; readonly prefix: string; readonly suffix: string };

/** Both selectors of one target. */
export type Selectors = { readonly position: TextPositionSelector; readonly quote: TextQuoteSelector };

/** How a target was placed. */
export type AnchorMethod = 'position' | 'quote' | 'fuzzy';

/** Result of anchoring: a span of the current text, or the quote that could not be placed. */
export type AnchorResult =
  | { readonly status: 'anchored'; readonly start: number; readonly end: number; readonly method: AnchorMethod; readonly errors: number }
  | { readonly status: 'unanchored'; readonly quote: TextQuoteSelector };

/** Characters of prefix and suffix context kept in a quote selector. */
export const CONTEXT_LENGTH = 32;
