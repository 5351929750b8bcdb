/**
 * The block builder every format feeds: nested containers flattened into the outermost,
 * empty texts and containers leaving no trace, texts cleaned only as the dialect needs.
 */
import { describe, expect, it } from 'vitest';
import { BlockBuilder, blocksToDoc, cleanText } from '#shared/documents/import/blocks.ts';
import { outlineOf } from '../../../helpers/document-fixtures.ts';

describe('BlockBuilder', () => {
  it('gives the outermost open container every text inside it: a list in a quote and a heading in a list', () => {
    const builder = new BlockBuilder();
    builder.openQuote();
    builder.paragraph('quoted');
    builder.openList(false);
    builder.paragraph('item in quote');
    builder.close();
    builder.heading(2, 'heading in quote');
    builder.close();
    builder.openList(true, 4);
    builder.paragraph('four');
    builder.openQuote();
    builder.paragraph('quote in list');
    builder.close();
    builder.close();
    builder.heading(9, 'deep');
    expect(builder.blocks()).toEqual([
      { kind: 'quote', paragraphs: ['quoted', 'item in quote', 'heading in quote'] },
      { kind: 'list', ordered: true, start: 4, items: ['four', 'quote in list'] },
      { kind: 'heading', level: 4, text: 'deep' },
    ]);
    expect(outlineOf(blocksToDoc(builder.blocks())!)).toEqual([
      'quote:quoted', 'quote:item in quote', 'quote:heading in quote', 'ordered:four', 'ordered:quote in list', 'h4:deep',
    ]);
  });

  it('makes no block of an empty text, list or quote, and keeps two lists apart', () => {
    const builder = new BlockBuilder();
    builder.paragraph(' \n\t ');
    builder.openList(false);
    builder.paragraph('');
    builder.close();
    builder.openQuote();
    builder.close();
    expect(blocksToDoc(builder.blocks())).toBeNull();
    builder.openList(false);
    builder.paragraph('a');
    builder.close();
    builder.openList(false);
    builder.paragraph('b');
    builder.close();
    expect(builder.blocks()).toHaveLength(2);
  });

  it('cleans a text only as the dialect needs: line breaks become spaces, the ends are trimmed, the rest is kept', () => {
    expect(cleanText('  two\r\nlines\u00a0and  spaces\t ')).toBe('two lines\u00a0and  spaces');
  });
});
