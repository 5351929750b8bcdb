/**
 * Canonical plain text of a document and the mapping between its offsets and
 * ProseMirror positions.
 *
 * The canonical text is the text of every textblock (heading or paragraph, including the
 * paragraphs inside list items) in document order, joined by a single `\n`. List numbers
 * and bullets are structure, not text, so they are not part of it. Highlights store
 * offsets into this text (UTF-16 code units, as JS strings count), never positions.
 *
 * Offset ↔ position convention. Let block i's text occupy offsets [s_i, e_i] (e_i = s_i +
 * its length) and its content start at position p_i. The separator `\n` sits at offset
 * e_i, so offsets split into the closed ranges [s_i, e_i] with s_{i+1} = e_i + 1:
 * - `offsetToPos(o)` takes the block i with s_i ≤ o ≤ e_i and returns p_i + (o − s_i).
 *   So the offset just before a `\n` maps to the end of the previous block's content
 *   and the offset just after it to the start of the next block's content.
 * - `posToOffset(pos)` inside block i's content (p_i ≤ pos ≤ p_i + length) returns
 *   s_i + (pos − p_i); a position between textblocks (e.g. between two list items)
 *   snaps forward to the next block's start (`assoc = 1`, the default) or back to the
 *   previous block's end (`assoc = -1`); before the first block it is 0, after the last
 *   it is text.length.
 * Hence posToOffset(offsetToPos(o)) === o for every o in [0, text.length], and positions
 * inside textblocks survive the round trip pos → offset → pos.
 *
 * Lookups are binary searches over block starts, built once per document.
 */
import type { Node as ProseMirrorNode } from 'prosemirror-model';

/** One textblock of a {@link TextMap}. */
export interface TextBlockSpan {
  /** Index of the textblock in document order. */
  index: number;
  /** The textblock node (heading or paragraph). */
  node: ProseMirrorNode;
  /** Position of the first character of the block's content (just inside the node). */
  contentStart: number;
  /** Offset in the canonical text where the block's text starts. */
  start: number;
  /** Offset where the block's text ends (exclusive; the `\n` separator or text end). */
  end: number;
}

/** Canonical text of `doc`: the texts of its textblocks joined by `\n`. */
export function canonicalText(doc: ProseMirrorNode): string {
  return TextMap.fromDoc(doc).text;
}

/** Offset ↔ position mapping for one document; build it once with {@link TextMap.fromDoc}. */
export class TextMap {
  /** The canonical text. */
  readonly text: string;
  /** Textblocks in document order. */
  readonly blocks: readonly TextBlockSpan[];
  private readonly docSize: number;

  private constructor(text: string, blocks: TextBlockSpan[], docSize: number) {
    this.text = text;
    this.blocks = blocks;
    this.docSize = docSize;
  }

  /** Collects the textblocks of `doc`; textblocks must contain text only (no inline nodes). */
  static fromDoc(doc: ProseMirrorNode): TextMap {
    const blocks: TextBlockSpan[] = [];
    const texts: string[] = [];
    let offset = 0;
    doc.descendants((node, pos) => {
      if (!node.isTextblock) return true;
      const text = node.textContent;
      if (text.length !== node.content.size) {
        throw new Error(`TextMap: textblock at ${pos} contains non-text inline content`);
      }
      if (blocks.length > 0) offset += 1;
      blocks.push({ index: blocks.length, node, contentStart: pos + 1, start: offset, end: offset + text.length });
      texts.push(text);
      offset += text.length;
      return false;
    });
    return new TextMap(texts.join('\n'), blocks, doc.content.size);
  }

  /** The textblock whose offset range [start, end] contains `offset`; the offset of a `\n` belongs to the block before it. */
  blockAt(offset: number): TextBlockSpan {
    this.checkOffset(offset);
    let low = 0;
    let high = this.blocks.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((this.blocks[middle] as TextBlockSpan).start <= offset) low = middle;
      else high = middle - 1;
    }
    const block = this.blocks[low];
    if (!block) throw new RangeError('TextMap: the document has no textblocks');
    return block;
  }

  /** Position of canonical-text offset `offset` (0 ≤ offset ≤ text.length). */
  offsetToPos(offset: number): number {
    if (this.blocks.length === 0) {
      this.checkOffset(offset);
      return 0;
    }
    const block = this.blockAt(offset);
    return block.contentStart + (offset - block.start);
  }

  /**
   * Canonical-text offset of document position `pos` (clamped to the document).
   * `assoc` decides positions between textblocks: 1 snaps to the next block's start, -1 to the previous block's end.
   */
  posToOffset(pos: number, assoc: 1 | -1 = 1): number {
    const clamped = Math.max(0, Math.min(this.docSize, Math.trunc(pos)));
    let low = 0;
    let high = this.blocks.length - 1;
    let found = -1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      if ((this.blocks[middle] as TextBlockSpan).contentStart <= clamped) {
        found = middle;
        low = middle + 1;
      } else {
        high = middle - 1;
      }
    }
    if (found === -1) return 0;
    const block = this.blocks[found] as TextBlockSpan;
    const inside = clamped - block.contentStart;
    if (inside <= block.end - block.start) return block.start + inside;
    if (assoc === -1) return block.end;
    const next = this.blocks[found + 1];
    return next ? next.start : this.text.length;
  }

  private checkOffset(offset: number): void {
    if (!Number.isInteger(offset) || offset < 0 || offset > this.text.length) {
      throw new RangeError(`TextMap: offset ${offset} is outside [0, ${this.text.length}]`);
    }
  }
}
