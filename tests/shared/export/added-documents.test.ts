/**
 * A highlight on an added document exports like one on a bundled article once its article
 * is provided (shared/export/added-articles.ts): CSV and Markdown carry its quote and the
 * registry's title, JSON-LD names it by a source IRI as stable as a bundled one's, and
 * REFI-QDA gets a TextSource with its text.
 */
import { parse } from 'csv-parse/sync';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { describe as describeSpan } from '#shared/anchoring/describe.ts';
import { addedDocumentArticles } from '#shared/export/added-articles.ts';
import { excerptsToCsv } from '#shared/export/csv.ts';
import { buildExportContext, queryExcerpts } from '#shared/export/excerpts.ts';
import { excerptsToMarkdown } from '#shared/export/markdown.ts';
import { excerptsToQdpx, refiGuid } from '#shared/export/refi-qda.ts';
import { excerptsToAnnotationCollection } from '#shared/export/web-annotation.ts';
import type { Article } from '#shared/documents/article.ts';
import { addDocument, updateDocumentMeta } from '#shared/model/documents.ts';
import { addHighlight, applyTag, compactDocumentHash } from '#shared/model/highlights.ts';
import { createProject, setMember } from '#shared/model/project.ts';
import { createTag } from '#shared/model/tags.ts';
import { addedDocument } from '../../helpers/added-documents.ts';
import { bundledArticles } from '../../helpers/bundled-documents.ts';
import { replica, type Replica } from '../../helpers/replicas.ts';

const interview = addedDocument(['Interview with a diplomat', 'We spoke about the corridor through Zangezur.']);

function highlightOn(ana: Replica, article: Article, phrase: string, tag: ReturnType<typeof createTag>) {
  const start = article.text.indexOf(phrase);
  const { position, quote } = describeSpan(article.text, { start, end: start + phrase.length });
  const id = addHighlight(ana.doc, ana.actor, { documentId: article.meta.id, documentHash: compactDocumentHash(article.hash), position, quote });
  applyTag(ana.doc, ana.actor, id, tag);
  return id;
}

function project() {
  const ana = replica('ana', 1);
  createProject(ana.doc, ana.actor, { name: 'Fieldwork' });
  setMember(ana.doc, ana.actor, { name: 'Ana', colour: '#336699' });
  const tag = createTag(ana.doc, ana.actor, { name: 'Transit' });
  addDocument(ana.doc, ana.actor, interview.record);
  updateDocumentMeta(ana.doc, ana.actor, interview.id, { title: 'Talk with a diplomat', author: 'R. Aliyeva' });
  const bundled = bundledArticles()[0]!;
  highlightOn(ana, interview.article, 'the corridor through Zangezur', tag);
  highlightOn(ana, bundled, bundled.text.slice(0, 20), tag);
  const articles = [bundled, ...addedDocumentArticles(ana.doc, new Map([[interview.id, interview.source]]))];
  const excerpts = queryExcerpts(ana.doc, articles);
  const context = buildExportContext(ana.doc, articles, '2026-12-02T12:00:00.000Z');
  return { excerpts, context, bundled };
}

describe('exports of highlights on added documents', () => {
  it('CSV and Markdown carry the quote, its offsets and the title the project gives the document', () => {
    const { excerpts, context } = project();
    const added = excerpts.find((excerpt) => excerpt.document.id === interview.id)!;
    expect(added).toMatchObject({ anchored: true, quote: 'the corridor through Zangezur', document: { title: 'Talk with a diplomat', author: 'R. Aliyeva' } });
    const rows = parse(excerptsToCsv(excerpts, { rows: 'excerpt' }), { columns: true }) as Record<string, string>[];
    expect(rows.find((row) => row.quote === 'the corridor through Zangezur')).toMatchObject({ document_title: 'Talk with a diplomat', tags: 'Transit' });
    const markdown = excerptsToMarkdown(excerpts, context, { group: 'document' });
    expect(markdown).toContain('Talk with a diplomat');
    expect(markdown).toContain('the corridor through Zangezur');
  });

  it('JSON-LD names an added document by a stable IRI, as it names a bundled one', () => {
    const first = project();
    const second = project();
    const sourceOf = (collection: ReturnType<typeof excerptsToAnnotationCollection>, id: string) =>
      collection.first.items.find((item) => item.target.source.endsWith(id))?.target.source;
    const one = excerptsToAnnotationCollection(first.excerpts, first.context);
    const two = excerptsToAnnotationCollection(second.excerpts, second.context);
    expect(sourceOf(one, interview.id)).toBe(`urn:marginalia:document:${interview.id}`);
    expect(sourceOf(two, interview.id)).toBe(sourceOf(one, interview.id));
    expect(sourceOf(one, first.bundled.meta.id)).toBe(`urn:marginalia:document:${first.bundled.meta.id}`);
    expect(one['mg:documents']).toContainEqual({ id: `urn:marginalia:document:${interview.id}`, documentId: interview.id, title: 'Talk with a diplomat', hash: interview.article.hash });
  });

  it('REFI-QDA: a TextSource per added document, its selection selecting the quote', () => {
    const { excerpts, context } = project();
    const files = unzipSync(excerptsToQdpx(excerpts, context).data);
    const qde = strFromU8(files['project.qde'] as Uint8Array);
    const guid = refiGuid.source(interview.id);
    expect(qde).toContain(`<TextSource guid="${guid}" name="Talk with a diplomat"`);
    const source = strFromU8(files[`sources/${guid}.txt`] as Uint8Array);
    expect(source).toBe(interview.article.text);
    const added = excerpts.find((excerpt) => excerpt.document.id === interview.id)!;
    expect(Array.from(source).slice(added.codePoints.start, added.codePoints.end).join('')).toBe('the corridor through Zangezur');
  });
});
