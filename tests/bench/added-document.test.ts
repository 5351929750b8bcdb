/**
 * The added-document bench workload: the same seed gives the same document and files, the
 * document is about the size asked for, and every highlight lies inside its text.
 */
import { describe, expect, it } from 'vitest';
import { generateAddedDocumentWorkload, generateLongMarkdown } from '../../bench/added-document.ts';
import { readProjectFile } from '#shared/model/project-file.ts';
import { listDocuments } from '#shared/model/document-views.ts';
import { forEachLiveAnchor } from '#shared/model/highlight-reads.ts';

describe('added-document bench workload', () => {
  it('is deterministic from its seed and changes with it', () => {
    expect(generateLongMarkdown({ seed: 7, pages: 5 })).toBe(generateLongMarkdown({ seed: 7, pages: 5 }));
    expect(generateLongMarkdown({ seed: 8, pages: 5 })).not.toBe(generateLongMarkdown({ seed: 7, pages: 5 }));
  });

  it('writes about pages × characters per page with a heading every few pages', () => {
    const markdown = generateLongMarkdown({ pages: 30, charactersPerPage: 3000, pagesPerHeading: 3 });
    expect(markdown.length).toBeGreaterThan(30 * 3000);
    expect(markdown.length).toBeLessThan(30 * 3000 * 1.2);
    expect(markdown.match(/^## /gm)).toHaveLength(10);
  });

  it('builds the full-size document and both project files, the same bytes for the same seed', async () => {
    const first = await generateAddedDocumentWorkload({ seed: 3 });
    const again = await generateAddedDocumentWorkload({ seed: 3 });
    expect(first.converted.article.text.length).toBeGreaterThan(300 * 3000 * 0.9);
    expect(Buffer.from(again.dense).equals(Buffer.from(first.dense))).toBe(true);
    expect(Buffer.from(again.empty).equals(Buffer.from(first.empty))).toBe(true);
    for (const file of [first.dense, first.empty]) {
      const parts = readProjectFile(file);
      if ('error' in parts) throw new Error(parts.error);
      expect([...parts.texts.keys()]).toEqual([first.converted.id]);
    }
    expect(listDocuments(first.denseDoc).map((view) => view.id)).toEqual([first.converted.id]);
  }, 120_000);

  it('places its 2,000 highlights inside the document, quoting its text, spread over it', async () => {
    const { converted, denseDoc } = await generateAddedDocumentWorkload({ seed: 3 });
    const text = converted.article.text;
    const starts: number[] = [];
    forEachLiveAnchor(denseDoc, (_id, anchor) => {
      expect(anchor.documentId).toBe(converted.id);
      const { start, end } = anchor.position;
      expect(start).toBeGreaterThanOrEqual(0);
      expect(end).toBeLessThanOrEqual(text.length);
      expect(text.slice(start, end)).toBe(anchor.quote.exact);
      starts.push(start);
    });
    expect(starts).toHaveLength(2000);
    expect(starts.filter((start) => start > text.length / 2).length).toBeGreaterThan(800);
  }, 120_000);
});
