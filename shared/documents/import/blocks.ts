/**
 * The block structure every format converts into before it becomes a reader document:
 * headings, paragraphs, flat lists and block quotes — exactly what the article dialect
 * can hold.
 *
 * {@link BlockBuilder} is fed by a format's walker in document order. Containers nest in
 * the source (a list inside a quote, a list inside a list) but not in the dialect, so the
 * outermost open container takes every text inside it: nested lists become items of the
 * outer list, a heading or a list inside a quote becomes one of its paragraphs. A text
 * is cleaned only as the dialect needs (line breaks become spaces, surrounding whitespace
 * goes); an empty text makes no block, and an empty list or quote makes no block either.
 */
import type { Node as ProseMirrorNode } from 'prosemirror-model';
import { maxHeadingLevel, readerSchema } from '../schema.ts';

/** One block of a converted document. */
export type Block =
  | { kind: 'heading'; level: number; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'list'; ordered: boolean; start: number; items: string[] }
  | { kind: 'quote'; paragraphs: string[] };

/** A text as the dialect holds it: no line breaks, no surrounding whitespace. */
export function cleanText(text: string): string {
  return text.replace(/[\r\n]+/g, ' ').trim();
}

/** Collects blocks in document order (see the module comment for nesting). */
export class BlockBuilder {
  private readonly done: Block[] = [];
  private readonly containers: Array<{ kind: 'list'; ordered: boolean; start: number } | { kind: 'quote' }> = [];
  private open: Block | null = null;

  /** A heading (levels deeper than the dialect's become its deepest). */
  heading(level: number, text: string): void {
    const clean = cleanText(text);
    if (clean === '') return;
    if (this.containers.length > 0) this.text(clean);
    else this.done.push({ kind: 'heading', level: Math.max(1, Math.min(maxHeadingLevel, level)), text: clean });
  }

  /** A paragraph, or an item / quote paragraph while a container is open. */
  paragraph(text: string): void {
    const clean = cleanText(text);
    if (clean !== '') this.text(clean);
  }

  /** Opens a list (only the outermost open container makes a block). */
  openList(ordered: boolean, start = 1): void {
    this.containers.push({ kind: 'list', ordered, start: Number.isInteger(start) && start >= 0 && start < 1e8 ? start : 1 });
  }

  /** Opens a block quote. */
  openQuote(): void {
    this.containers.push({ kind: 'quote' });
  }

  /** Closes the innermost open list or quote. */
  close(): void {
    this.containers.pop();
    if (this.containers.length === 0) this.open = null;
  }

  /** The blocks so far. */
  blocks(): Block[] {
    return this.done;
  }

  private text(clean: string): void {
    const outer = this.containers[0];
    if (!outer) {
      this.done.push({ kind: 'paragraph', text: clean });
      return;
    }
    if (this.open === null) {
      this.open = outer.kind === 'quote'
        ? { kind: 'quote', paragraphs: [] }
        : { kind: 'list', ordered: outer.ordered, start: outer.start, items: [] };
      this.done.push(this.open);
    }
    if (this.open.kind === 'quote') this.open.paragraphs.push(clean);
    else if (this.open.kind === 'list') this.open.items.push(clean);
  }
}

/** The reader document of `blocks`, or null when there are none. */
export function blocksToDoc(blocks: readonly Block[]): ProseMirrorNode | null {
  const { nodes } = readerSchema;
  const paragraph = (text: string) => nodes.paragraph!.create(null, readerSchema.text(text));
  const children = blocks.map((block) => {
    switch (block.kind) {
      case 'heading':
        return nodes.heading!.create({ level: block.level }, readerSchema.text(block.text));
      case 'paragraph':
        return paragraph(block.text);
      case 'quote':
        return nodes.blockquote!.create(null, block.paragraphs.map(paragraph));
      case 'list': {
        const items = block.items.map((text) => nodes.list_item!.create(null, paragraph(text)));
        return block.ordered ? nodes.ordered_list!.create({ start: block.start }, items) : nodes.bullet_list!.create(null, items);
      }
    }
  });
  return children.length === 0 ? null : nodes.doc!.create(null, children);
}
