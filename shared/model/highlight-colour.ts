/**
 * A highlight's own colour: the choice a person makes in the highlight's popover, instead
 * of the default (its first code's colour).
 *
 * Stored as one plain value under the highlight's `c` key (layout.ts): a `#rrggbb` string,
 * or null for "back to the code colour" — written rather than deleted, so a reset and a
 * concurrent choice resolve like any other map write (one deterministic winner on every
 * replica). Writes go through `write`, under the local actor's origin, so undo covers them.
 * Reading never trusts the data: anything but a well-formed colour reads as "no choice".
 * Older clients never read the key, so they keep painting the code colour.
 */
import type * as Y from 'yjs';
import type { HighlightId } from './ids.ts';
import { HIGHLIGHT, roots } from './layout.ts';
import { write, type Actor } from './write.ts';

const COLOUR = /^#[0-9a-f]{6}$/;

/** True if `value` is a colour a highlight can carry: `#rrggbb`, lower-case hex. */
export function isHighlightColour(value: unknown): value is string {
  return typeof value === 'string' && COLOUR.test(value);
}

/** The colour chosen for a highlight map, or null if none was chosen (or the stored value is not a colour). */
export function chosenColourOf(map: Y.Map<unknown>): string | null {
  const value = map.get(HIGHLIGHT.colour);
  return isHighlightColour(value) ? value : null;
}

/** The colour chosen for highlight `id`, or null (no choice, or an unknown highlight). */
export function chosenHighlightColour(doc: Y.Doc, id: HighlightId): string | null {
  const map = roots(doc).highlights.get(id);
  return map === undefined ? null : chosenColourOf(map);
}

/**
 * Gives highlight `id` its own colour (`#rrggbb`; upper-case hex is lowered), or with null
 * returns it to its first code's colour. Returns false, writing nothing, when that is
 * already its colour. Throws for an unknown highlight or a value that is not a colour.
 */
export function setHighlightColour(doc: Y.Doc, actor: Actor, id: HighlightId, colour: string | null): boolean {
  const map = roots(doc).highlights.get(id);
  if (map === undefined) throw new Error(`unknown highlight ${id}`);
  const wanted = colour === null ? null : colour.toLowerCase();
  if (wanted !== null && !isHighlightColour(wanted)) throw new Error(`not a highlight colour: ${JSON.stringify(colour)} (expected #rrggbb)`);
  if (chosenColourOf(map) === wanted) return false;
  write(doc, actor, () => map.set(HIGHLIGHT.colour, wanted));
  return true;
}
