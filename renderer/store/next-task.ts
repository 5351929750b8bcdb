/**
 * Yielding to the event loop between chunks of long work, so input and painting come
 * first: `scheduler.yield()` where the browser has it, else a message-channel task (not
 * `setTimeout`, which browsers clamp to 4 ms once timers nest).
 *
 * Yielding to a task is not yielding to a frame: a browser runs continuation tasks back to
 * back and renders only when it decides to (Chromium after up to ~100 ms), so a long merge
 * cut into 8 ms tasks still showed as frames of 100 ms and more. `framePacedPause` waits
 * for the next frame to be painted once the work has held the page for a frame budget.
 */

type YieldingScheduler = { yield(): Promise<void> };

/** Resolves in a later task. */
export function nextTask(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: Partial<YieldingScheduler> }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** Resolves in a task after the next frame is rendered (a task when there are no frames). */
export function afterNextFrame(): Promise<void> {
  const frame = (globalThis as { requestAnimationFrame?: (callback: () => void) => number }).requestAnimationFrame;
  if (typeof frame !== 'function') return nextTask();
  // rAF runs just before the frame's style, layout and paint; a task posted from it runs after them.
  return new Promise((resolve) => frame(() => void nextTask().then(resolve)));
}

/** How `framePacedPause` tells time and waits (the app's defaults; tests pass their own). */
export type PaceOptions = {
  /** Longest the work holds the page between two frames (ms; default 30, so a frame with its rendering stays under 50). */
  readonly frameBudgetMs?: number;
  readonly now?: () => number;
  readonly task?: () => Promise<void>;
  readonly frame?: () => Promise<void>;
};

/**
 * A pause for one long job (a merge, a load): a task while the job has held the page for
 * less than the frame budget since its last frame, else the next rendered frame.
 *
 * @example await applyInSlices(doc, slices, { origin: importOrigin, pause: framePacedPause() })
 */
export function framePacedPause(options: PaceOptions = {}): () => Promise<void> {
  const budget = options.frameBudgetMs ?? 16;
  const now = options.now ?? (() => performance.now());
  const task = options.task ?? nextTask;
  const frame = options.frame ?? afterNextFrame;
  let since = now();
  return async () => {
    if (now() - since < budget) return task();
    await frame();
    since = now();
  };
}
