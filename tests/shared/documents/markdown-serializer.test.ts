/**
 * The article writer is the inverse of the parser: bundled files are in its exact output
 * form, and texts that look like Markdown syntax survive a round trip verbatim.
 */
import { describe, expect, it } from 'vitest';
import type { DocumentMeta } from '#shared/documents/manifest.ts';
import { toDocumentId } from '#shared/documents/manifest.ts';
import { parseArticleMarkdown } from '#shared/documents/markdown.ts';
import { serializeArticleMarkdown } from '#shared/documents/markdown-serializer.ts';
import { readerSchema } from '#shared/documents/schema.ts';
import { bundledManifest, bundledSource } from '../../helpers/bundled-documents.ts';

const { nodes } = readerSchema;
const paragraph = (text: string) => nodes.paragraph!.create(null, readerSchema.text(text));

describe('serializeArticleMarkdown', () => {
  it('reproduces every bundled file byte for byte', () => {
    for (const entry of bundledManifest().documents) {
      const source = bundledSource(entry.file);
      const { meta, doc } = parseArticleMarkdown(source, entry.file);
      expect(serializeArticleMarkdown(meta, doc)).toBe(source);
    }
  });

  it('round-trips texts that look like Markdown syntax, quotes in metadata and unknown facts', () => {
    const tricky = ['1. Historical foundations', '# not a heading', '- not a bullet', '\\ starts with a backslash', '* star', '> not a quote',
      '2) paren', '---', 'Required fields are marked *', '1.5 million', 'İstiqamətləri “quoted” — dash'];
    const meta: DocumentMeta = {
      id: toDocumentId('tricky'), title: 'Title with "quotes" and \\ backslash: colon', titleSupplied: true,
      author: null, publisher: 'unknown', sourceFile: null,
    };
    const doc = nodes.doc!.create(null, [
      nodes.heading!.create({ level: 2 }, readerSchema.text('## hashes')),
      ...tricky.map(paragraph),
      nodes.ordered_list!.create({ start: 7 }, tricky.map((text) => nodes.list_item!.create(null, paragraph(text)))),
      nodes.bullet_list!.create(null, tricky.map((text) => nodes.list_item!.create(null, paragraph(text)))),
      nodes.blockquote!.create(null, tricky.map(paragraph)),
    ]);
    const written = serializeArticleMarkdown(meta, doc);
    expect(written).toContain('\n\\1. Historical foundations\n');
    expect(written).toContain('\n7. \\1. Historical foundations\n');
    expect(written).toContain('\npublisher: "unknown"\n');
    expect(written).toContain('\n> \\1. Historical foundations\n> \\# not a heading\n');
    expect(written).toContain('\n> \\> not a quote\n');
    const read = parseArticleMarkdown(written, 'tricky.md');
    expect(read.meta).toEqual(meta);
    expect(read.doc.eq(doc)).toBe(true);
  });

  it('refuses texts the dialect cannot hold instead of writing something that reads back differently', () => {
    const meta: DocumentMeta = { id: toDocumentId('x'), title: 'x', titleSupplied: false, author: null, publisher: null, sourceFile: null };
    for (const text of [' leading', 'trailing ', 'two\nlines']) {
      expect(() => serializeArticleMarkdown(meta, nodes.doc!.create(null, paragraph(text)))).toThrow(/surrounding whitespace or a line break/);
    }
  });
});
