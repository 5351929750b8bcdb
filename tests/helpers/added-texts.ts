/**
 * Article files of added documents for tests: a valid text whose front-matter id is the id
 * its canonical text's content hash gives (`addedDocumentId`), as the app writes them.
 */
import { loadArticle } from '#shared/documents/article.ts';
import { addedDocumentId } from '#shared/documents/hash.ts';
import type { DocumentId } from '#shared/documents/manifest.ts';

/** An added document's id and its article file. */
export interface AddedText {
  readonly id: DocumentId;
  readonly source: string;
  readonly hash: string;
}

function file(id: string, title: string, body: string): string {
  return `---\nid: ${id}\ntitle: ${JSON.stringify(title)}\ntitle_supplied: false\nauthor: "Leyla Aliyeva"\npublisher: unknown\nsource_file: "${title}.md"\n---\n\n${body}\n`;
}

/** The article file of a document titled `title` with `paragraphs` (one line each). */
export function addedText(title: string, paragraphs: readonly string[]): AddedText {
  const body = paragraphs.join('\n\n');
  const { hash } = loadArticle(file('doc-0000000000000000', title, body), 'draft.md');
  const id = addedDocumentId(hash) as DocumentId;
  return { id, source: file(id, title, body), hash };
}

/** A text of about `characters` characters: the title as a heading, then numbered paragraphs under a heading every twenty. */
export function largeAddedText(title: string, characters: number): AddedText {
  const paragraphs: string[] = [`# ${title}`];
  let length = title.length;
  for (let index = 0; length < characters; index++) {
    const line = index % 20 === 0 ? `## Part ${index / 20 + 1}` : `Paragraph ${index}: the corridor's traffic doubled while the talks stalled, again and again.`;
    paragraphs.push(line);
    length += line.length + 2;
  }
  return addedText(title, paragraphs);
}
