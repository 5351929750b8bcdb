/**
 * The named highlight colours: every palette colour has a name people read and a rule in
 * the reader's stylesheet; a colour outside the palette has no name (it paints as its code's).
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { highlightColourClass } from '../../../renderer/reader/highlight-segments.ts';
import { HIGHLIGHT_COLOURS, namedColour } from '../../../renderer/store/highlight-colours.ts';
import { tagRules } from '../../../renderer/store/tag-stylesheet.ts';

describe('highlight colours', () => {
  it('are named, distinct, lower-case #rrggbb, and each has a background rule', () => {
    const rules = tagRules(new Y.Doc());
    expect(new Set(HIGHLIGHT_COLOURS.map((entry) => entry.name)).size).toBe(HIGHLIGHT_COLOURS.length);
    for (const { name, colour } of HIGHLIGHT_COLOURS) {
      expect(name).toMatch(/^[A-Z][a-z]+$/);
      expect(colour).toMatch(/^#[0-9a-f]{6}$/);
      expect(rules).toContain(`.${highlightColourClass(colour)}{background-color:rgba(`);
    }
    expect(namedColour('#F4C542')?.name).toBe('Amber');
    expect(namedColour('#123456')).toBeUndefined();
    expect(namedColour(null)).toBeUndefined();
  });
});
