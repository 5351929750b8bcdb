/**
 * The progressive painter: the highlights plugin's view, which paints a dense article's
 * highlights where the reader looks first and everywhere else afterwards.
 *
 * Order of work (see highlights-plugin.ts for why):
 * 1. in a microtask after the view is set up (so after the reader restored its scroll
 *    position in the same task, and before the first frame that shows the article): the
 *    segments on screen and a little beyond (`nearViewport`) — the first frame the reader
 *    sees has its highlights, and the work stays in the task that opened the article; for
 *    a view already on screen (`onScreen`: highlights attached once the project loaded),
 *    after the next frame instead;
 * 2. then in idle periods (with a timeout, so it always finishes): chunks of the remaining
 *    text, nearest the viewport first — never more than one chunk beyond the idle deadline
 *    or beyond 12 ms of painting (an idle period may last 50 ms, and input waits for it),
 *    in chunks cut smaller while one costs more than that;
 * 3. on scroll, in the next frame: whatever came into view, ahead of the idle chunks.
 * It stops once everything is painted, and does nothing for a fully painted state.
 */
import type { EditorState, PluginView } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import { coversAll, nextChunk, type PositionRange } from './painted-ranges.ts';
import { positionsBetween } from './viewport.ts';
import { afterNextFrame } from '../services/event-loop.ts';

/** What the painter needs from the highlights plugin. */
export interface ProgressivePainterHooks {
  /** The painted ranges of `state`. */
  painted(state: EditorState): readonly PositionRange[];
  /** Paints `range` now (dispatches a transaction). */
  paint(range: PositionRange): void;
  /** Positions per idle chunk; default 3,000 (a few screens of text, ~5 ms on a dense article). */
  readonly chunk?: number;
  /**
   * The view is already on screen (highlights attached after its first frame): paint what is
   * visible after the next frame rather than in the task that attached them, so attaching
   * and painting are two shorter frames instead of one long one.
   */
  readonly onScreen?: boolean;
}

const DEFAULT_CHUNK = 3000;
const IDLE_TIMEOUT_MS = 100;
/** Longest an idle period paints for (ms). */
const IDLE_SLICE_MS = 12;
/** Fewest positions an idle chunk is cut down to. */
const MIN_CHUNK = 200;

/**
 * The positions `view` shows in the window, widened by an eighth of a screen below (reading
 * direction), or null if it is off screen. Kept tight: every segment painted here is paid
 * for in the frame that opens the article (~5 µs per class name added by ProseMirror). Found
 * from the top-level blocks' rectangles (viewport.ts), whole blocks on screen.
 */
export function nearViewport(view: EditorView): PositionRange | null {
  const rect = view.dom.getBoundingClientRect();
  const top = Math.max(rect.top, 0);
  const bottom = Math.min(rect.bottom, window.innerHeight);
  if (bottom <= top) return null;
  const shown = positionsBetween(view, top, bottom);
  if (shown === null) return null;
  const [from, to] = shown;
  const screen = Math.max(1, to - from);
  return [from, Math.min(view.state.doc.content.size, to + (screen >> 3))];
}

/** Creates the painter for `view`; its `destroy` cancels pending work. */
export function createProgressivePainter(view: EditorView, hooks: ProgressivePainterHooks): PluginView {
  const chunk = hooks.chunk ?? DEFAULT_CHUNK;
  let frame = 0;
  let idle = 0;
  let around = 0;
  let listening = false;
  const done = (): boolean => view.isDestroyed || coversAll(hooks.painted(view.state), view.state.doc.content.size);

  let stopFirst = (): void => {};
  const stop = (): void => {
    stopFirst();
    if (frame > 0) cancelAnimationFrame(frame);
    if (idle !== 0) cancelIdleCallback(idle);
    frame = 0;
    idle = 0;
    if (listening) document.removeEventListener('scroll', onScroll, { capture: true });
    listening = false;
  };

  const paintVisible = (): void => {
    frame = 0;
    if (done()) return stop();
    const visible = nearViewport(view);
    if (visible !== null) {
      around = (visible[0] + visible[1]) >> 1;
      hooks.paint(visible);
    }
    scheduleIdle();
  };

  // Chunk size adapts to what a chunk costs: on a page just loaded (code not yet optimised)
  // a chunk of the default size took 50–80 ms, so the first is a quarter of it; each next
  // one doubles while cheap and halves while over the slice.
  let idleChunk = Math.max(MIN_CHUNK, chunk >> 2);
  const paintIdle = (deadline: IdleDeadline): void => {
    idle = 0;
    const started = performance.now();
    do {
      if (done()) return stop();
      const next = nextChunk(hooks.painted(view.state), view.state.doc.content.size, around, idleChunk);
      if (next === null) return stop();
      const before = performance.now();
      hooks.paint(next);
      const spent = performance.now() - before;
      if (spent > IDLE_SLICE_MS) idleChunk = Math.max(MIN_CHUNK, Math.floor(idleChunk / 2));
      else if (spent < IDLE_SLICE_MS / 4) idleChunk = Math.min(chunk, idleChunk * 2);
      // An idle period can last 50 ms, and input arriving meanwhile waits for it: stop well
      // before, leaving the frame room for the style and layout of what was just painted.
    } while (deadline.timeRemaining() > 8 && performance.now() - started < IDLE_SLICE_MS);
    scheduleIdle();
  };

  function scheduleIdle(): void {
    if (idle === 0 && !done()) idle = requestIdleCallback(paintIdle, { timeout: IDLE_TIMEOUT_MS });
  }

  function onScroll(): void {
    if (frame === 0) frame = requestAnimationFrame(paintVisible);
  }

  if (!done()) {
    let cancelled = false;
    frame = -1; // a pending first paint: scroll events wait for it
    const first = (): void => {
      if (!cancelled && frame === -1) paintVisible();
    };
    if (hooks.onScreen === true) void afterNextFrame().then(first);
    else queueMicrotask(first);
    stopFirst = () => {
      cancelled = true;
    };
    document.addEventListener('scroll', onScroll, { capture: true, passive: true });
    listening = true;
  }
  return {
    update() {
      if (listening && done()) stop();
    },
    destroy: stop,
  };
}
