/**
 * Geometry between the reader's scroll container and the ProseMirror document: which block
 * is at the top (→ reading position), how far the reader has got (→ progress), which
 * section is current (→ table of contents), and scrolling to an offset or a heading.
 *
 * Only top-level blocks are measured: they are few (hundreds), in document order, so a
 * binary search over their rectangles is exact and cheap on every scroll frame. The same
 * search answers which positions are on screen (`positionsBetween`, for the highlights
 * painted first and the margin's nearby notes): a handful of block rectangles instead of
 * `posAtCoords`, which measures a long paragraph character by character (~8 ms per call on
 * a densely coded article in Chromium, most of painting its visible highlights).
 */
import type { EditorView } from 'prosemirror-view';
import type { OutlineEntry } from '#shared/documents/article.ts';
import type { TextMap } from '#shared/documents/canonical.ts';

/** Pixels below the scroller's top edge that still count as "at the top". */
const TOP_SLACK = 24;

/** A top-level block: its element, position and size (positions). */
interface Block {
  readonly element: HTMLElement;
  readonly pos: number;
  readonly size: number;
}

function topLevelBlocks(view: EditorView): Block[] {
  const blocks: Block[] = [];
  view.state.doc.forEach((node, offset) => {
    const element = view.nodeDOM(offset);
    if (element instanceof HTMLElement) blocks.push({ element, pos: offset, size: node.nodeSize });
  });
  return blocks;
}

/** Index of the first block whose bottom is below `y` (viewport coordinates). */
function firstBlockBelow(blocks: { element: HTMLElement }[], y: number): number {
  let low = 0;
  let high = blocks.length - 1;
  let answer = blocks.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const rect = (blocks[middle] as { element: HTMLElement }).element.getBoundingClientRect();
    if (rect.bottom > y) {
      answer = middle;
      high = middle - 1;
    } else {
      low = middle + 1;
    }
  }
  return answer;
}

/** Blocks longer than this (positions) have their visible edge found within them, not taken whole. */
const LONG_BLOCK = 4000;

/**
 * The document positions shown between viewport heights `top` and `bottom` (client
 * coordinates), widened to whole top-level blocks unless a block is longer than
 * {@link LONG_BLOCK} (then that edge is found with `posAtCoords`); null if no block is there.
 */
export function positionsBetween(view: EditorView, top: number, bottom: number): readonly [number, number] | null {
  const blocks = topLevelBlocks(view);
  if (blocks.length === 0 || bottom <= top) return null;
  const first = blocks[firstBlockBelow(blocks, top)] as Block;
  const firstRect = first.element.getBoundingClientRect();
  if (firstRect.bottom <= top || firstRect.top >= bottom) return null;
  let lastIndex = firstBlockBelow(blocks, bottom);
  if ((blocks[lastIndex] as Block).element.getBoundingClientRect().top >= bottom) lastIndex -= 1;
  const last = blocks[Math.max(lastIndex, blocks.indexOf(first))] as Block;
  const left = view.dom.getBoundingClientRect().left + 40;
  let from = first.pos;
  let to = last.pos + last.size;
  if (first.size > LONG_BLOCK) from = view.posAtCoords({ left, top: Math.max(top, firstRect.top) + 1 })?.pos ?? from;
  if (last.size > LONG_BLOCK) to = view.posAtCoords({ left, top: Math.min(bottom, last.element.getBoundingClientRect().bottom) - 1 })?.pos ?? to;
  return [from, Math.max(from, to)];
}

/** Canonical offset of the first block visible at the top of `scroller`. */
export function topVisibleOffset(view: EditorView, scroller: HTMLElement, textMap: TextMap): number {
  const blocks = topLevelBlocks(view);
  if (blocks.length === 0) return 0;
  const top = scroller.getBoundingClientRect().top + TOP_SLACK;
  const block = blocks[firstBlockBelow(blocks, top)] as { pos: number };
  return textMap.posToOffset(block.pos + 1, 1);
}

/** Fraction (0..1) of the text that has been on screen: offset of the last visible block's end. */
export function visibleProgress(view: EditorView, scroller: HTMLElement, textMap: TextMap): number {
  if (textMap.text.length === 0) return 1;
  if (scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 4) return 1;
  const blocks = topLevelBlocks(view);
  if (blocks.length === 0) return 0;
  const bottom = scroller.getBoundingClientRect().bottom;
  const index = firstBlockBelow(blocks, bottom);
  const block = blocks[index] as { pos: number };
  return textMap.posToOffset(block.pos + 1, 1) / textMap.text.length;
}

/** Scrolls so that the top-level block holding canonical `offset` sits at the top of `scroller`. */
export function scrollToOffset(view: EditorView, scroller: HTMLElement, textMap: TextMap, offset: number): void {
  const clamped = Math.max(0, Math.min(textMap.text.length, offset));
  const $pos = view.state.doc.resolve(textMap.offsetToPos(clamped));
  const element = view.nodeDOM($pos.depth > 0 ? $pos.before(1) : 0);
  if (!(element instanceof HTMLElement)) return;
  const delta = element.getBoundingClientRect().top - scroller.getBoundingClientRect().top;
  scroller.scrollTop += delta - 8;
}

/** Scrolls the heading at document position `pos` (the node's own position) to the top. */
export function scrollToNode(view: EditorView, scroller: HTMLElement, pos: number): HTMLElement | null {
  const element = view.nodeDOM(pos);
  if (!(element instanceof HTMLElement)) return null;
  const delta = element.getBoundingClientRect().top - scroller.getBoundingClientRect().top;
  scroller.scrollTop += delta - 16;
  return element;
}

/** Index in `outline` of the section being read: the last heading at or above the top edge. */
export function activeOutlineIndex(view: EditorView, scroller: HTMLElement, outline: readonly OutlineEntry[]): number {
  const top = scroller.getBoundingClientRect().top + scroller.clientHeight * 0.25;
  let active = outline.length > 0 ? 0 : -1;
  for (let index = 0; index < outline.length; index += 1) {
    const element = view.nodeDOM((outline[index] as OutlineEntry).pos);
    if (!(element instanceof HTMLElement)) continue;
    if (element.getBoundingClientRect().top <= top) active = index;
    else break;
  }
  return active;
}
