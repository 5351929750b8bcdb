/**
 * Yielding to the event loop between slices of long work (a merge, a load, an export, a
 * download's bytes, files being added), so input and painting come first: `nextTask`
 * resolves in a later task — `scheduler.yield()` where the browser has it, else a
 * message-channel task (not `setTimeout`, which browsers clamp to 4 ms once timers nest).
 *
 * Yielding to a task is not yielding to a frame: a browser runs continuation tasks back to
 * back and renders only when it decides to (Chromium after up to ~100 ms), so a long merge
 * cut into 8 ms tasks still showed as frames of 100 ms and more. `framePacedPause` waits
 * for the next frame to be painted once the work has held the page for a frame budget.
 * `backgroundPause` instead lets the browser's scheduler put a job that can wait (the local
 * load) behind input, rendering and every other task.
 */

type YieldingScheduler = {
  yield(): Promise<void>;
  postTask(callback: () => void, options: { priority: 'background' }): Promise<void>;
};

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

/**
 * A pause for a long job that can wait for everything else: resolves in a
 * background-priority task (`scheduler.postTask`), which the browser runs only when no
 * input, rendering or other task is waiting. The job then gives way to each frame the page
 * needs, and does not wait for frames it does not need. Undefined where the browser has no
 * `scheduler.postTask`.
 */
export function backgroundPause(): (() => Promise<void>) | undefined {
  const scheduler = (globalThis as { scheduler?: Partial<YieldingScheduler> }).scheduler;
  const postTask = scheduler?.postTask;
  if (typeof postTask !== 'function') return undefined;
  return () => postTask.call(scheduler, () => undefined, { priority: 'background' });
}

/**
 * Longest wait for a frame (ms). A hidden or minimised window paints no frames, so a job
 * paced by frames would stop there; past this wait it goes on in tasks.
 */
export const FRAME_WAIT_LIMIT_MS = 100;

type FrameClock = {
  requestAnimationFrame?: (callback: () => void) => number;
  cancelAnimationFrame?: (handle: number) => void;
  document?: { visibilityState?: string };
};

/**
 * Resolves in a task after the next frame is rendered; in a task at once where there are
 * no frames (no window, or a hidden one), and after `FRAME_WAIT_LIMIT_MS` at the latest.
 */
export function afterNextFrame(): Promise<void> {
  const clock = globalThis as FrameClock;
  const frame = clock.requestAnimationFrame;
  if (typeof frame !== 'function' || clock.document?.visibilityState === 'hidden') return nextTask();
  return new Promise((resolve) => {
    let waiting = true;
    let handle = 0;
    const finish = (): void => {
      if (!waiting) return;
      waiting = false;
      clearTimeout(timer);
      clock.cancelAnimationFrame?.(handle);
      // rAF runs just before the frame's style, layout and paint; a task posted from it runs after them.
      void nextTask().then(resolve);
    };
    const timer = setTimeout(finish, FRAME_WAIT_LIMIT_MS);
    handle = frame(finish);
  });
}

/** How `framePacedPause` tells time and waits (the app's defaults; tests pass their own). */
export type PaceOptions = {
  /** Longest the work holds the page between two frames (ms; default 16, one frame at 60 Hz, so a frame with its rendering stays well under 50); a chunk may end up to half of it later. */
  readonly frameBudgetMs?: number;
  readonly now?: () => number;
  readonly task?: () => Promise<void>;
  readonly frame?: () => Promise<void>;
};

/**
 * A pause for one long job (a merge, a load): a task while the page has been held for
 * less than the frame budget since the job's last frame and one more chunk as long as the
 * last would still end within half a budget past it; else — also when other work ran before
 * that task and took the page past it — the next rendered frame. So chunks of
 * a few milliseconds share a frame, and a chunk that ran long (a cold start, a garbage
 * collection) is not followed by another like it before the page paints.
 *
 * @example await applyInSlices(doc, slices, { origin: importOrigin, pause: framePacedPause() })
 */
export function framePacedPause(options: PaceOptions = {}): () => Promise<void> {
  const budget = options.frameBudgetMs ?? 16;
  const now = options.now ?? (() => performance.now());
  const task = options.task ?? nextTask;
  const frame = options.frame ?? afterNextFrame;
  let since = now();
  let resumed = since;
  return async () => {
    const lastChunk = now() - resumed;
    const fits = (): boolean => {
      const held = now() - since;
      return held < budget && held + lastChunk <= budget * 1.5;
    };
    // Other tasks may run before ours (a library parsing its articles, another job): checked
    // again after it, so their time counts against the frame too.
    if (fits()) await task();
    if (!fits()) {
      await frame();
      since = now();
    }
    resumed = now();
  };
}

/** Longest `whenIdle` waits for an idle period (ms). */
const IDLE_WAIT_LIMIT_MS = 2000;

/** Runs `work` in an idle period (within {@link IDLE_WAIT_LIMIT_MS}), or in a later task where there are none. */
export function whenIdle(work: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(() => work(), { timeout: IDLE_WAIT_LIMIT_MS });
  else setTimeout(work, 0);
}
