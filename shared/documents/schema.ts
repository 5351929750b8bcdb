/**
 * The ProseMirror schema of the reader: the block structure of a bundled article and
 * nothing else.
 *
 * The reader is read-only and highlights are decorations, so there are no marks and no
 * inline nodes besides text: every textblock's content is plain text, which keeps the
 * mapping between positions and canonical-text offsets a matter of arithmetic
 * (see `canonical.ts`). `toDOM` uses semantic tags only; the renderer styles them and
 * finds headings by position, so no ids are rendered.
 */
import { Schema } from 'prosemirror-model';
import type { Node as ProseMirrorNode } from 'prosemirror-model';

/** Deepest heading level the article format supports (`####`). */
export const maxHeadingLevel = 4;

function headingLevelOf(node: ProseMirrorNode): number {
  const level = node.attrs.level as number;
  return Number.isInteger(level) && level >= 1 && level <= maxHeadingLevel ? level : 1;
}

/**
 * Schema with nodes `doc`, `heading` (attr `level` 1..4), `paragraph`, `blockquote` (one or
 * more paragraphs), `bullet_list`, `ordered_list` (attr `start`), `list_item` (a paragraph,
 * then any blocks) and `text`.
 */
export const readerSchema = new Schema({
  nodes: {
    doc: { content: 'block+' },
    heading: {
      group: 'block',
      content: 'text*',
      defining: true,
      attrs: { level: { default: 1, validate: 'number' } },
      parseDOM: [1, 2, 3, 4].map((level) => ({ tag: `h${level}`, attrs: { level } })),
      toDOM: (node) => [`h${headingLevelOf(node)}`, 0],
    },
    paragraph: {
      group: 'block',
      content: 'text*',
      parseDOM: [{ tag: 'p' }],
      toDOM: () => ['p', 0],
    },
    blockquote: {
      group: 'block',
      content: 'paragraph+',
      defining: true,
      parseDOM: [{ tag: 'blockquote' }],
      toDOM: () => ['blockquote', 0],
    },
    bullet_list: {
      group: 'block',
      content: 'list_item+',
      parseDOM: [{ tag: 'ul' }],
      toDOM: () => ['ul', 0],
    },
    ordered_list: {
      group: 'block',
      content: 'list_item+',
      attrs: { start: { default: 1, validate: 'number' } },
      parseDOM: [{
        tag: 'ol',
        getAttrs: (dom) => {
          const start = (dom as { getAttribute(name: string): string | null }).getAttribute('start');
          return { start: start === null ? 1 : Number(start) };
        },
      }],
      toDOM: (node) => (node.attrs.start === 1 ? ['ol', 0] : ['ol', { start: String(node.attrs.start) }, 0]),
    },
    list_item: {
      content: 'paragraph block*',
      defining: true,
      parseDOM: [{ tag: 'li' }],
      toDOM: () => ['li', 0],
    },
    text: { group: 'inline' },
  },
  marks: {},
});
