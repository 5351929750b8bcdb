/**
 * Canonical text and the offset ↔ position mapping: the documented boundary convention
 * on a small document, and a seeded property test over every bundled document.
 */
import * as prng from 'lib0/prng';
import { describe, expect, it } from 'vitest';
import { canonicalText, TextMap } from '#shared/documents/canonical.ts';
import { readerSchema } from '#shared/documents/schema.ts';
import { bundledArticles } from '../../helpers/bundled-documents.ts';

const { nodes } = readerSchema;
const paragraph = (text: string) => nodes.paragraph!.create(null, readerSchema.text(text));

// Positions: 0 <h1> 1 "Ab" 3 </h1> 4 <ul> 5 <li> 6 <p> 7 "cd" 9 </p> 10 </li> 11 <li> 12 <p> 13 "e" 14 </p> 15 </li> 16 </ul> 17
const small = nodes.doc!.create(null, [
  nodes.heading!.create({ level: 1 }, readerSchema.text('Ab')),
  nodes.bullet_list!.create(null, [nodes.list_item!.create(null, paragraph('cd')), nodes.list_item!.create(null, paragraph('e'))]),
]);

describe('canonicalText / TextMap on a small document', () => {
  const map = TextMap.fromDoc(small);

  it('joins textblocks with a single newline, list markers excluded', () => {
    expect(canonicalText(small)).toBe('Ab\ncd\ne');
    expect(map.text).toBe('Ab\ncd\ne');
    expect(map.blocks.map((block) => [block.start, block.end, block.contentStart])).toEqual([[0, 2, 1], [3, 5, 7], [6, 7, 13]]);
  });

  it('maps the offset before a newline to the end of the previous block and the offset after it to the next block start', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7].map((offset) => map.offsetToPos(offset))).toEqual([1, 2, 3, 7, 8, 9, 13, 14]);
  });

  it('maps positions between textblocks forward by default and backward with assoc -1', () => {
    expect([0, 3, 4, 5, 6, 9, 10, 11, 12, 16, 17].map((pos) => map.posToOffset(pos))).toEqual([0, 2, 3, 3, 3, 5, 6, 6, 6, 7, 7]);
    expect([3, 4, 10, 11, 16, 17].map((pos) => map.posToOffset(pos, -1))).toEqual([2, 2, 5, 5, 7, 7]);
    expect(map.posToOffset(-5)).toBe(0);
    expect(map.posToOffset(99)).toBe(7);
  });

  it('rejects offsets outside the text', () => {
    expect(() => map.offsetToPos(-1)).toThrow(RangeError);
    expect(() => map.offsetToPos(8)).toThrow(RangeError);
    expect(() => map.offsetToPos(1.5)).toThrow(RangeError);
  });

  it('finds the block of an offset, the earlier block at a newline', () => {
    expect([0, 2, 3, 5, 6, 7].map((offset) => map.blockAt(offset).index)).toEqual([0, 0, 1, 1, 2, 2]);
  });
});

describe.each(bundledArticles().map((article) => [article.meta.id, article] as const))('TextMap property: %s', (_id, article) => {
  const { doc, textMap, text } = article;
  const gen = prng.create(0x5eed ^ text.length);

  it('text equals the textblocks joined by newlines', () => {
    const blocks: string[] = [];
    doc.descendants((node) => {
      if (node.isTextblock) blocks.push(node.textContent);
      return !node.isTextblock;
    });
    expect(text).toBe(blocks.join('\n'));
  });

  it('every offset maps to a position and back unchanged, and the character there is the same', () => {
    for (let offset = 0; offset <= text.length; offset++) {
      const pos = textMap.offsetToPos(offset);
      if (textMap.posToOffset(pos) !== offset || textMap.posToOffset(pos, -1) !== offset) {
        expect.fail(`offset ${offset} → pos ${pos} → ${textMap.posToOffset(pos)}`);
      }
    }
    for (let round = 0; round < 2000; round++) {
      const offset = prng.int32(gen, 0, text.length - 1);
      const pos = textMap.offsetToPos(offset);
      const char = text[offset] as string;
      expect(char === '\n' ? doc.resolve(pos).parentOffset === doc.resolve(pos).parent.content.size : doc.textBetween(pos, pos + 1) === char).toBe(true);
    }
  });

  it('random positions inside textblocks map to offsets and back; all positions map monotonically', () => {
    const size = doc.content.size;
    let inside = 0;
    for (let round = 0; round < 3000; round++) {
      const pos = prng.int32(gen, 0, size);
      const offset = textMap.posToOffset(pos);
      if (doc.resolve(pos).parent.isTextblock) {
        inside++;
        expect(textMap.offsetToPos(offset)).toBe(pos);
      } else {
        expect(textMap.posToOffset(pos, -1)).toBeLessThanOrEqual(offset);
      }
    }
    expect(inside).toBeGreaterThan(2500);
    let previous = 0;
    for (let pos = 0; pos <= size; pos++) {
      const offset = textMap.posToOffset(pos);
      expect(offset >= previous).toBe(true);
      previous = offset;
    }
  });

  it('random ranges: text between mapped positions equals the text slice without newlines', () => {
    for (let round = 0; round < 500; round++) {
      const a = prng.int32(gen, 0, text.length);
      const b = prng.int32(gen, 0, text.length);
      const [from, to] = a <= b ? [a, b] : [b, a];
      expect(doc.textBetween(textMap.offsetToPos(from), textMap.offsetToPos(to), '\n')).toBe(text.slice(from, to));
    }
  });
});
