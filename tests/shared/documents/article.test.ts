/** loadArticle: derived text, hash and outline; determinism; manifest id check. */
import { describe, expect, it } from 'vitest';
import { loadArticle } from '#shared/documents/article.ts';
import { DocumentError } from '#shared/documents/errors.ts';
import { contentHash } from '#shared/documents/hash.ts';
import { toDocumentId } from '#shared/documents/manifest.ts';
import { bundledManifest, bundledSource } from '../../helpers/bundled-documents.ts';

const entry = bundledManifest().documents[2]!;
const source = bundledSource(entry.file);

describe('loadArticle', () => {
  it('derives text, hash and an outline whose positions and offsets point at the headings', () => {
    const article = loadArticle(source, entry.file, entry.id);
    expect(article.text).toBe(article.textMap.text);
    expect(article.hash).toBe(contentHash(article.text));
    expect(article.outline.length).toBeGreaterThan(5);
    for (const heading of article.outline) {
      const node = article.doc.nodeAt(heading.pos);
      expect(node?.type.name).toBe('heading');
      expect(node?.attrs.level).toBe(heading.level);
      expect(node?.textContent).toBe(heading.title);
      expect(article.text.slice(heading.offset, heading.offset + heading.title.length)).toBe(heading.title);
      expect(article.textMap.offsetToPos(heading.offset)).toBe(heading.pos + 1);
    }
  });

  it('is deterministic, and one changed character changes the hash', () => {
    const first = loadArticle(source, entry.file);
    const second = loadArticle(source, entry.file);
    expect(second.text).toBe(first.text);
    expect(second.hash).toBe(first.hash);
    expect(second.doc.eq(first.doc)).toBe(true);
    const edited = loadArticle(source.replace('Baku’s favour', 'Baku’s favor'), entry.file);
    expect(edited.text.length).toBe(first.text.length - 1);
    expect(edited.hash).not.toBe(first.hash);
    expect(edited.hash).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it('rejects a file whose front-matter id differs from the manifest id', () => {
    let error: unknown;
    try {
      loadArticle(source, entry.file, toDocumentId('another-id'));
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(DocumentError);
    expect((error as DocumentError).message).toBe(
      `${entry.file}:2: front matter id "${entry.id}" does not match the manifest id "another-id"`,
    );
    expect((error as DocumentError).documentId).toBe('another-id');
  });
});
