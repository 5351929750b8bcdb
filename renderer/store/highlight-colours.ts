/**
 * The named colours a highlight can be given in its popover: the tag palette, each with the
 * name people read on its swatch ("Amber", never "Colour 3").
 *
 * The palette is fixed, so the reader's stylesheet holds one rule per colour and a stored
 * colour outside it (written by some other client) is painted as its code's colour rather
 * than not at all.
 */
import { TAG_PALETTE } from './annotation-actions.ts';

/** One colour offered for highlights. */
export interface NamedColour {
  readonly name: string;
  /** `#rrggbb`, lower-case (the form the model stores). */
  readonly colour: string;
}

/** What people call each colour of {@link TAG_PALETTE}, in the same order. */
export const TAG_PALETTE_NAMES = ['Amber', 'Sky', 'Green', 'Rose', 'Lavender', 'Orange', 'Turquoise', 'Pink', 'Olive', 'Slate'] as const;

/** The colours a highlight can be given, in palette order. */
export const HIGHLIGHT_COLOURS: readonly NamedColour[] = TAG_PALETTE.map((colour, index) => ({
  name: TAG_PALETTE_NAMES[index] as string,
  colour: colour.toLowerCase(),
}));

/** The named palette colour `colour` is, or undefined if it is not one of them. */
export function namedColour(colour: string | null): NamedColour | undefined {
  return colour === null ? undefined : HIGHLIGHT_COLOURS.find((entry) => entry.colour === colour.toLowerCase());
}
