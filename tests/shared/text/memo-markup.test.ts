/**
 * Memo markup: headings, lists, emphasis and links to highlights parse into blocks; raw
 * HTML and other links stay literal text; plain text keeps the structure readable.
 */
import { describe, expect, it } from 'vitest';
import { highlightLink, memoPlainText, parseMemo, parseMemoInline } from '#shared/text/memo-markup.ts';

describe('memo markup', () => {
  it('parses headings, paragraphs, bullet and numbered lists', () => {
    expect(parseMemo('# Findings\n\nFirst line\nsecond line\n- one\n- two\n1. first\n2) second\n\n### Later')).toEqual([
      { kind: 'heading', level: 1, content: [{ kind: 'text', text: 'Findings' }] },
      { kind: 'paragraph', lines: [[{ kind: 'text', text: 'First line' }], [{ kind: 'text', text: 'second line' }]] },
      { kind: 'list', ordered: false, items: [[{ kind: 'text', text: 'one' }], [{ kind: 'text', text: 'two' }]] },
      { kind: 'list', ordered: true, items: [[{ kind: 'text', text: 'first' }], [{ kind: 'text', text: 'second' }]] },
      { kind: 'heading', level: 3, content: [{ kind: 'text', text: 'Later' }] },
    ]);
  });

  it('parses emphasis, strong and links to highlights; leaves HTML and other links as text', () => {
    expect(parseMemoInline('a *b* **c** [Baku’s view](highlight:Ab_c-1) <b>x</b> [y](https://e.com)')).toEqual([
      { kind: 'text', text: 'a ' },
      { kind: 'emphasis', text: 'b' },
      { kind: 'text', text: ' ' },
      { kind: 'strong', text: 'c' },
      { kind: 'text', text: ' ' },
      { kind: 'link', text: 'Baku’s view', highlightId: 'Ab_c-1' },
      { kind: 'text', text: ' <b>x</b> [y](https://e.com)' },
    ]);
    expect(parseMemoInline('#notaheading *unclosed')).toEqual([{ kind: 'text', text: '#notaheading *unclosed' }]);
  });

  it('builds a link from a quote, flattening brackets and line breaks and shortening it', () => {
    expect(highlightLink('the [EU]\nmission', 'H1')).toBe('[the EU mission](highlight:H1)');
    expect(highlightLink('x'.repeat(100), 'H2')).toBe(`[${'x'.repeat(59)}…](highlight:H2)`);
    expect(parseMemoInline(highlightLink('a ] b ( c )', 'H3'))).toEqual([{ kind: 'link', text: 'a b ( c )', highlightId: 'H3' }]);
  });

  it('gives plain text for formats without markup', () => {
    expect(memoPlainText('# Title\n- *one* [q](highlight:H)\n- two\n\nBody **bold**')).toBe('Title\n\n- one “q”\n- two\n\nBody bold');
  });
});
