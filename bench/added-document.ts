/**
 * The added-document workload of the `reader` suite: a long document a person adds
 * themselves (about 300 pages of 3,000 characters, a heading every few pages), converted
 * from generated Markdown by the app's own converter (`convertDocument`), and two project
 * files (v2) carrying its text — one with ~2,000 highlights spread over it under a few
 * codes (the sample generator's), one with the document alone. Deterministic from a seed:
 * the same seed gives the same text, the same document id and the same highlights.
 */
import * as Y from 'yjs';
import { convertDocument, type ConvertedDocument } from '#shared/documents/import/convert.ts';
import { addDocument } from '#shared/model/documents.ts';
import { idFromRandomBytes, type MemberId } from '#shared/model/ids.ts';
import { encodeProjectFile } from '#shared/model/project-file.ts';
import { generateSampleProject } from '#shared/sample/sample-project.ts';
import { seededRandom } from '#shared/sample/seeded-random.ts';
import { newDocumentOf } from '../renderer/library/document-import.ts';

/** Workload options (all optional). */
export interface AddedDocumentOptions {
  readonly seed?: number;
  readonly pages?: number;
  readonly charactersPerPage?: number;
  /** A heading every this many pages. */
  readonly pagesPerHeading?: number;
  readonly highlights?: number;
  /** How many codes the highlights are tagged with. */
  readonly codes?: number;
}

/** The generated document and the two project files that carry it. */
export interface AddedDocumentWorkload {
  /** The generated file the document is converted from (`long-report.md`). */
  readonly markdown: string;
  readonly converted: ConvertedDocument;
  /** The project with the document and its highlights. */
  readonly dense: Uint8Array;
  /** The same document, no highlights. */
  readonly empty: Uint8Array;
  /** The dense project's doc, for checks. */
  readonly denseDoc: Y.Doc;
}

const WORDS = [
  'the', 'pipeline', 'corridor', 'ministry', 'announced', 'talks', 'between', 'Baku', 'Moscow', 'Ankara', 'Tehran',
  'Brussels', 'delegation', 'transit', 'gas', 'tariff', 'border', 'agreement', 'ceasefire', 'observers', 'reported',
  'that', 'a', 'new', 'round', 'of', 'negotiations', 'would', 'begin', 'after', 'elections', 'in', 'spring', 'while',
  'analysts', 'warned', 'about', 'sanctions', 'security', 'trade', 'routes', 'and', 'regional', 'influence', 'press',
];
const TOPICS = ['Energy', 'Transit', 'Diplomacy', 'Borders', 'Trade', 'Media', 'Security', 'Diaspora'];

/**
 * Generated Markdown of about `pages` × `charactersPerPage` characters: varied sentences
 * of 6–24 words, paragraphs of 3–7 sentences, a `##` heading every `pagesPerHeading` pages.
 */
export function generateLongMarkdown(options: AddedDocumentOptions = {}): string {
  const random = seededRandom(options.seed ?? 300);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const pages = options.pages ?? 300;
  const perPage = options.charactersPerPage ?? 3000;
  const perHeading = options.pagesPerHeading ?? 3;
  const sentence = (): string => {
    const text = Array.from({ length: 6 + Math.floor(random() * 19) }, () => pick(WORDS)).join(' ');
    return `${text.charAt(0).toUpperCase()}${text.slice(1)}${random() < 0.15 ? '?' : '.'}`;
  };
  const parts: string[] = ['# A long report on the South Caucasus', ''];
  for (let page = 0; page < pages; page += 1) {
    if (page % perHeading === 0) parts.push(`## ${pick(TOPICS)}, part ${page / perHeading + 1}`, '');
    let written = 0;
    while (written < perPage) {
      const paragraph = Array.from({ length: 3 + Math.floor(random() * 5) }, sentence).join(' ');
      parts.push(paragraph, '');
      written += paragraph.length;
    }
  }
  return parts.join('\n');
}

function withDocument(doc: Y.Doc, converted: ConvertedDocument, seed: number): Y.Doc {
  const random = seededRandom(seed);
  const newId = (): string => idFromRandomBytes(Uint8Array.from({ length: 16 }, () => Math.floor(random() * 256)));
  doc.clientID = 900; // deterministic Yjs client for the registry write: same seed, same bytes
  addDocument(doc, { member: newId() as MemberId, now: () => Date.UTC(2026, 0, 4), newId }, newDocumentOf(converted));
  return doc;
}

/** Builds the document and both project files. */
export async function generateAddedDocumentWorkload(options: AddedDocumentOptions = {}): Promise<AddedDocumentWorkload> {
  const seed = options.seed ?? 300;
  const markdown = generateLongMarkdown(options);
  const converted = await convertDocument(new TextEncoder().encode(markdown), 'long-report.md');
  const article = { id: converted.id, text: converted.article.text, hash: converted.article.hash };
  const texts = new Map([[converted.id as string, converted.source]]);
  const sample = { seed, tags: options.codes ?? 6 };
  const denseDoc = withDocument(generateSampleProject([article], { ...sample, highlights: options.highlights ?? 2000 }).doc, converted, seed);
  const emptyDoc = withDocument(generateSampleProject([article], { ...sample, highlights: 0 }).doc, converted, seed);
  return { markdown, converted, dense: encodeProjectFile(denseDoc, texts), empty: encodeProjectFile(emptyDoc, texts), denseDoc };
}
