/**
 * The reader's selection in canonical-text coordinates.
 *
 * ProseMirror positions are a rendering detail; everything the app stores (highlights,
 * presence, reading positions) speaks canonical-text offsets. This module converts a PM
 * selection to `{ start, end }` through the article's TextMap and back, and describes it for
 * the status bar. The next issue's highlight toolbar anchors to exactly these offsets.
 */
import type { Selection } from 'prosemirror-state';
import type { TextMap } from '#shared/documents/canonical.ts';

/** A half-open range of canonical-text offsets. */
export interface TextRange {
  readonly start: number;
  readonly end: number;
}

/**
 * Canonical-text range of a selection, or null when it is empty. Endpoints between
 * textblocks snap inwards (start forwards, end backwards), so a selection never begins or
 * ends on a block separator it does not cover.
 */
export function selectionToTextRange(selection: Pick<Selection, 'from' | 'to' | 'empty'>, textMap: TextMap): TextRange | null {
  if (selection.empty) return null;
  const start = textMap.posToOffset(selection.from, 1);
  const end = textMap.posToOffset(selection.to, -1);
  return end > start ? { start, end } : null;
}

/** ProseMirror positions of a canonical-text range (the inverse of {@link selectionToTextRange}). */
export function textRangeToPositions(range: TextRange, textMap: TextMap): { from: number; to: number } {
  return { from: textMap.offsetToPos(range.start), to: textMap.offsetToPos(range.end) };
}

/** Status-bar wording, e.g. "Selected 42 characters · 1210–1252". */
export function describeTextRange(range: TextRange): string {
  const length = range.end - range.start;
  return `Selected ${length.toLocaleString('en')} character${length === 1 ? '' : 's'} · ${range.start}–${range.end}`;
}
