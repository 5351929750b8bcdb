/**
 * A loaded bundled article: metadata, ProseMirror document, canonical text, its hash and
 * its outline — everything the reader, the anchoring and the exports derive from one file.
 *
 * Built once per document by {@link loadArticle}; all derived values are computed
 * eagerly here so callers never recompute them inconsistently.
 */
import type { Node as ProseMirrorNode } from 'prosemirror-model';
import { TextMap } from './canonical.ts';
import { DocumentError } from './errors.ts';
import { contentHash } from './hash.ts';
import type { DocumentId, DocumentMeta } from './manifest.ts';
import { parseArticleMarkdown } from './markdown.ts';

/** One heading of an article's table of contents. */
export interface OutlineEntry {
  /** Heading level 1..4. */
  level: number;
  /** The heading's text. */
  title: string;
  /** Position just before the heading node (so `doc.nodeAt(pos)` is the heading). */
  pos: number;
  /** Canonical-text offset where the heading's text starts. */
  offset: number;
}

/** Everything derived from one article file. */
export interface Article {
  /** Facts from the front matter. */
  meta: DocumentMeta;
  /** The parsed document (`readerSchema`). */
  doc: ProseMirrorNode;
  /** Offset ↔ position mapping of `doc`. */
  textMap: TextMap;
  /** Canonical plain text (same string as `textMap.text`). */
  text: string;
  /** `contentHash(text)`, worked out when first read. */
  readonly hash: string;
  /** Headings in document order. */
  outline: OutlineEntry[];
}

/**
 * Parses an article file and derives its text, hash and outline.
 * Throws {@link DocumentError} when the file is malformed or its id differs from `expectedId`.
 */
export function loadArticle(source: string, fileName: string, expectedId?: DocumentId): Article {
  const { meta, doc } = parseArticleMarkdown(source, fileName);
  if (expectedId !== undefined && meta.id !== expectedId) {
    throw new DocumentError(
      `front matter id "${meta.id}" does not match the manifest id "${expectedId}"`,
      { fileName, line: idLineOf(source), documentId: expectedId },
    );
  }
  const textMap = TextMap.fromDoc(doc);
  const outline: OutlineEntry[] = [];
  for (const block of textMap.blocks) {
    if (block.node.type.name !== 'heading') continue;
    outline.push({
      level: block.node.attrs.level as number,
      title: block.node.textContent,
      pos: block.contentStart - 1,
      offset: block.start,
    });
  }
  // The hash (SHA-256 in JavaScript, ~3 ms for a long article) is worked out when first
  // read — placing highlights, adding a document — not while a starting page parses its library.
  let hash: string | undefined;
  return {
    meta,
    doc,
    textMap,
    text: textMap.text,
    get hash() {
      return (hash ??= contentHash(textMap.text));
    },
    outline,
  };
}

/** 1-based line of the `id:` front-matter line (the parser already proved it exists). */
function idLineOf(source: string): number {
  return source.split(/\r?\n/).findIndex((line) => line.startsWith('id: ')) + 1;
}
