/**
 * The article Markdown dialect: what it parses to, and clear, located errors for every
 * malformed input.
 */
import { describe, expect, it } from 'vitest';
import { canonicalText } from '#shared/documents/canonical.ts';
import { DocumentError } from '#shared/documents/errors.ts';
import { parseArticleMarkdown, textNeedsEscape } from '#shared/documents/markdown.ts';

const frontMatter = [
  '---',
  'id: sample-article',
  'title: "A: sample “title”"',
  'title_supplied: false',
  'author: "Jane Doe"',
  'publisher: unknown',
  'source_file: "000_x.txt"',
  '---',
].join('\n');

const file = (body: string, header = frontMatter) => `${header}\n\n${body}\n`;

function parseError(source: string): DocumentError {
  try {
    parseArticleMarkdown(source, 'sample.md');
  } catch (error) {
    if (error instanceof DocumentError) return error;
    throw error;
  }
  throw new Error('expected a DocumentError');
}

describe('parseArticleMarkdown', () => {
  it('reads the front matter into meta, with unknown as null', () => {
    const { meta } = parseArticleMarkdown(file('Text.'), 'sample.md');
    expect(meta).toEqual({
      id: 'sample-article',
      title: 'A: sample “title”',
      titleSupplied: false,
      author: 'Jane Doe',
      publisher: null,
      sourceFile: '000_x.txt',
    });
  });

  it('builds headings, paragraphs, bullet and ordered lists with their start number', () => {
    const { doc } = parseArticleMarkdown(file([
      '# Title',
      '#### Deep',
      'A paragraph with *stars*, _underscores_, `ticks`, [brackets](x) and <b>tags</b>.',
      '- first\n- second',
      '3. three\n4. four',
    ].join('\n\n')), 'sample.md');
    expect(doc.toJSON()).toEqual({
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: 'Title' }] },
        { type: 'heading', attrs: { level: 4 }, content: [{ type: 'text', text: 'Deep' }] },
        { type: 'paragraph', content: [{ type: 'text', text: 'A paragraph with *stars*, _underscores_, `ticks`, [brackets](x) and <b>tags</b>.' }] },
        { type: 'bullet_list', content: ['first', 'second'].map((text) => ({ type: 'list_item', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] })) },
        { type: 'ordered_list', attrs: { start: 3 }, content: ['three', 'four'].map((text) => ({ type: 'list_item', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] })) },
      ],
    });
  });

  it('keeps two lists separated by a blank line as two lists', () => {
    const { doc } = parseArticleMarkdown(file('- a\n- b\n\n- c'), 'sample.md');
    expect(doc.childCount).toBe(2);
  });

  it('reads consecutive "> " lines as one block quote, each line a paragraph, and a blank line as the end of it', () => {
    const { doc } = parseArticleMarkdown(file('Before.\n\n> First quoted line.\n> \\> Second, escaped.\n\n> Another quote.'), 'sample.md');
    expect(doc.toJSON().content).toEqual([
      { type: 'paragraph', content: [{ type: 'text', text: 'Before.' }] },
      { type: 'blockquote', content: ['First quoted line.', '> Second, escaped.'].map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })) },
      { type: 'blockquote', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Another quote.' }] }] },
    ]);
    expect(canonicalText(doc)).toBe('Before.\nFirst quoted line.\n> Second, escaped.\nAnother quote.');
  });

  it('refuses a quote line glued to a list or a paragraph, and an empty quote line', () => {
    expect(parseError(file('- item\n> quote')).message).toMatch(/sample\.md:11: a quote line directly follows a bullet list/);
    expect(parseError(file('> quote\n- item')).message).toMatch(/sample\.md:11: a bullet item directly follows a block quote/);
    expect(parseError(file('Text.\n> quote')).message).toMatch(/sample\.md:11: blocks must be separated by a blank line/);
    expect(parseError(file('> ')).message).toMatch(/sample\.md:10: empty quote line/);
  });

  it('removes exactly one leading backslash: escaped block syntax is literal text', () => {
    const { doc } = parseArticleMarkdown(file('\\1. Not a list\n\n\\# Not a heading\n\n\\\\back\n\n## \\# hash heading\n\n- \\- dash item'), 'sample.md');
    const texts: string[] = [];
    doc.descendants((node) => {
      if (node.isTextblock) texts.push(`${node.type.name}:${node.textContent}`);
      return true;
    });
    expect(texts).toEqual(['paragraph:1. Not a list', 'paragraph:# Not a heading', 'paragraph:\\back', 'heading:# hash heading', 'paragraph:- dash item']);
  });

  it('accepts CRLF line endings and a byte-order mark with the same result', () => {
    const source = file('# T\n\nPara.');
    const plain = parseArticleMarkdown(source, 'a.md');
    const windows = parseArticleMarkdown(`\uFEFF${source.replaceAll('\n', '\r\n')}`, 'a.md');
    expect(windows.doc.eq(plain.doc)).toBe(true);
    expect(windows.meta).toEqual(plain.meta);
  });

  const malformed: Array<[string, string, RegExp]> = [
    ['missing front matter', '# Title\n\nText.\n', /^sample\.md:1: missing front matter/],
    ['unclosed front matter', '---\nid: a\n', /^sample\.md:1: front matter is not closed/],
    ['unknown key', file('Text.', frontMatter.replace('publisher: unknown', 'publisher: unknown\nurl: "https://x"')), /^sample\.md:7: unknown front matter key "url"/],
    ['duplicate key', file('Text.', frontMatter.replace('author: "Jane Doe"', 'author: "Jane Doe"\nauthor: unknown')), /^sample\.md:6: front matter key "author" appears twice/],
    ['missing key', file('Text.', frontMatter.replace('source_file: "000_x.txt"\n', '')), /^sample\.md:7: front matter lacks the key "source_file"/],
    ['line that is not key: value', file('Text.', frontMatter.replace('title_supplied: false', 'title_supplied false')), /^sample\.md:4: front matter line must read "key: value"/],
    ['bad id', file('Text.', frontMatter.replace('sample-article', 'Sample Article')), /^sample\.md:2: "id" must be a bare lowercase slug/],
    ['unquoted title', file('Text.', frontMatter.replace('"A: sample “title”"', 'A title')), /^sample\.md:3: "title" must be a double-quoted JSON string/],
    ['empty title', file('Text.', frontMatter.replace('"A: sample “title”"', '""')), /^sample\.md:3: "title" must not be empty/],
    ['title_supplied not boolean', file('Text.', frontMatter.replace('title_supplied: false', 'title_supplied: yes')), /^sample\.md:4: "title_supplied" must be true or false/],
    ['no content', file(''), /no content after its front matter/],
    ['blocks not separated', file('# Heading\nText.'), /^sample\.md:11: blocks must be separated by a blank line/],
    ['paragraph wrapped over two lines', file('One line\nsecond line'), /^sample\.md:11: blocks must be separated/],
    ['list followed by a paragraph without a blank line', file('- item\nText.'), /^sample\.md:11: blocks must be separated/],
    ['heading level 5', file('##### Too deep'), /^sample\.md:10: heading level 5 is deeper than the supported 4/],
    ['unescaped ordered-looking paragraph', file('1.Bad\n\n2) also bad'), /^sample\.md:12: paragraph starts with block syntax/],
    ['hash without space', file('#tag'), /^sample\.md:10: paragraph starts with block syntax/],
    ['indented line', file('  indented'), /^sample\.md:10: paragraph starts with block syntax/],
    ['ordered numbers skip', file('1. a\n3. b'), /^sample\.md:11: ordered item 3 should be numbered 2/],
    ['mixed list kinds', file('- a\n1. b'), /^sample\.md:11: a ordered item directly follows a bullet list/],
    ['empty list item', file('- \\'), /^sample\.md:10: empty list item/],
    ['trailing whitespace', file('Text. '), /^sample\.md:10: paragraph text has leading or trailing whitespace/],
    ['whitespace-only blank line', file('A.\n \nB.'), /^sample\.md:11: a blank line must be empty/],
  ];
  it.each(malformed)('rejects %s with a located DocumentError', (_name, source, message) => {
    const error = parseError(source);
    expect(error.message).toMatch(message);
    expect(error.fileName).toBe('sample.md');
  });
});

describe('textNeedsEscape', () => {
  it('flags texts that would read as block syntax or start with a backslash, and nothing else', () => {
    for (const text of ['1. x', '12) x', '# x', '#x', '- x', '* x', '+ x', '---', '> q', '\\x', '<div>', '```', ' x']) {
      expect(textNeedsEscape(text), text).toBe(true);
    }
    for (const text of ['1.5 million', '-5%', '*emphasis*', 'Text #1', '2024–2025', '“Quote”', 'Türkiye']) {
      expect(textNeedsEscape(text), text).toBe(false);
    }
  });
});
