/**
 * Markdown files: CommonMark structure kept, markup dropped and text kept verbatim; a file
 * in the article dialect keeps exactly its canonical text; facts from front matter or the
 * first `# ` heading, never invented.
 */
import { describe, expect, it } from 'vitest';
import { convertDocument } from '#shared/documents/import/convert.ts';
import { bundledManifest, bundledSource } from '../../../helpers/bundled-documents.ts';
import { loadArticle } from '#shared/documents/article.ts';
import { outlineOf, sampleSentences, utf8 } from '../../../helpers/document-fixtures.ts';

const [s1, s2, s3, s4, s5, s6] = sampleSentences as [string, string, string, string, string, string];

describe('convertDocument: Markdown', () => {
  it('keeps every sentence and the structure: headings, paragraphs, flattened lists, quotes, table cells, code lines', async () => {
    const source = [
      '# The *title* here', '',
      s1.slice(0, s1.indexOf(' ties')), s1.slice(s1.indexOf(' ties') + 1), '',
      '###### Deep heading', '',
      `- ${s2}`, '  - nested **item**', `3. ${s3}`, '',
      `> ${s4}`, `> ${s5}`, '',
      '| head A | head B |', '|---|---|', '| cell one |  |', '',
      '```', 'code line one', '', '  code line two', '```', '',
      `A [link](https://example.org) and \`code\` in ${s6}`,
    ].join('\n');
    const converted = await convertDocument(utf8(source), 'notes.md');
    for (const sentence of sampleSentences) expect(converted.article.text).toContain(sentence);
    expect(outlineOf(converted.article.doc)).toEqual([
      'h1:The title here',
      `p:${s1}`,
      'h4:Deep heading',
      `bullet:${s2}`, 'bullet:nested item',
      `ordered:${s3}`,
      `quote:${s4} ${s5}`,
      'p:head A', 'p:head B', 'p:cell one',
      'p:code line one', 'p:code line two',
      `p:A link and code in ${s6}`,
    ]);
    expect(converted.article.meta).toMatchObject({ title: 'The title here', titleSupplied: false, author: null, publisher: null, sourceFile: 'notes.md' });
    expect(converted.date).toBeNull();
    expect(converted.format).toBe('md');
  });

  it('reads title, author and date from front matter and invents none of them when absent', async () => {
    const stated = await convertDocument(utf8('---\ntitle: "Stated title"\nauthor: Jane Doe\ndate: 2024-03-01\n---\n\n## Section\n\nBody.\n'), 'stated.md');
    expect(stated.article.meta).toMatchObject({ title: 'Stated title', titleSupplied: false, author: 'Jane Doe' });
    expect(stated.date).toBe('2024-03-01');
    expect(stated.article.text).toBe('Section\nBody.');
    const silent = await convertDocument(utf8('Just a first line of text.\n\nAnd more.\n'), 'silent.md');
    expect(silent.article.meta).toMatchObject({ title: 'Just a first line of text.', titleSupplied: true, author: null, publisher: null });
    expect(silent.date).toBeNull();
  });

  it('gives a bundled article (already in the dialect) the same canonical text and hash as the dialect parser', async () => {
    for (const entry of bundledManifest().documents) {
      const source = bundledSource(entry.file);
      const original = loadArticle(source, entry.file, entry.id);
      const converted = await convertDocument(utf8(source), entry.file);
      expect(converted.article.text).toBe(original.text);
      expect(converted.article.hash).toBe(original.hash);
      expect(converted.article.meta).toMatchObject({ title: original.meta.title, titleSupplied: original.meta.titleSupplied, author: original.meta.author });
      expect(converted.id).toBe(`doc-${original.hash.slice('sha256:'.length, 'sha256:'.length + 16)}`);
    }
  });

  it('writes an article file that the dialect parser reads back to the same text', async () => {
    const converted = await convertDocument(utf8('# 1. Intro\n\n1. Not escaped here\n\n> > nested quote\n\n\\# escaped hash\n'), 'tricky.md');
    const reread = loadArticle(converted.source, 'x.md');
    expect(reread.text).toBe(converted.article.text);
    expect(outlineOf(reread.doc)).toEqual(['h1:1. Intro', 'ordered:Not escaped here', 'quote:nested quote', 'p:# escaped hash']);
  });
});
