/**
 * Writer of the article Markdown dialect defined in `markdown.ts`: the exact inverse of
 * `parseArticleMarkdown` for every document that dialect can express.
 *
 * It exists so that conversions and tests can produce article files mechanically and
 * prove the round trip (`parse(serialize(x))` equals `x`), including the escaping of
 * texts that look like block syntax. Output is deterministic: front-matter keys in a
 * fixed order, one blank line between blocks, a single trailing newline.
 */
import type { Node as ProseMirrorNode } from 'prosemirror-model';
import { DocumentError } from './errors.ts';
import type { DocumentMeta } from './manifest.ts';
import { textNeedsEscape, unknownValue } from './markdown.ts';

/** Writes `meta` and `doc` (a `readerSchema` document) as an article file. */
export function serializeArticleMarkdown(meta: DocumentMeta, doc: ProseMirrorNode): string {
  const optional = (value: string | null) => (value === null ? unknownValue : JSON.stringify(value));
  const header = [
    '---',
    `id: ${meta.id}`,
    `title: ${JSON.stringify(meta.title)}`,
    `title_supplied: ${meta.titleSupplied}`,
    `author: ${optional(meta.author)}`,
    `publisher: ${optional(meta.publisher)}`,
    `source_file: ${optional(meta.sourceFile)}`,
    '---',
  ];
  const blocks: string[] = [];
  doc.forEach((block) => {
    blocks.push(serializeBlock(block, meta.id));
  });
  return `${header.join('\n')}\n\n${blocks.join('\n\n')}\n`;
}

function serializeBlock(block: ProseMirrorNode, documentId: string): string {
  switch (block.type.name) {
    case 'heading':
      return `${'#'.repeat(block.attrs.level as number)} ${literalText(block, documentId)}`;
    case 'paragraph':
      return literalText(block, documentId);
    case 'blockquote': {
      const lines: string[] = [];
      block.forEach((paragraph) => {
        lines.push(`> ${literalText(paragraph, documentId)}`);
      });
      return lines.join('\n');
    }
    case 'bullet_list':
    case 'ordered_list': {
      const start = block.type.name === 'ordered_list' ? (block.attrs.start as number) : 0;
      const items: string[] = [];
      block.forEach((item, _offset, index) => {
        if (item.childCount !== 1) {
          throw new DocumentError('list items with more than one paragraph cannot be written in the article dialect', { documentId });
        }
        const marker = block.type.name === 'ordered_list' ? `${start + index}.` : '-';
        items.push(`${marker} ${literalText(item.firstChild as ProseMirrorNode, documentId)}`);
      });
      return items.join('\n');
    }
    default:
      throw new DocumentError(`a "${block.type.name}" block cannot be written in the article dialect`, { documentId });
  }
}

function literalText(textblock: ProseMirrorNode, documentId: string): string {
  const text = textblock.textContent;
  if (text === '' || text.trim() !== text || /[\r\n]/.test(text)) {
    throw new DocumentError(
      `block text ${JSON.stringify(text.slice(0, 40))} is empty, has surrounding whitespace or a line break`,
      { documentId },
    );
  }
  return textNeedsEscape(text) ? `\\${text}` : text;
}
