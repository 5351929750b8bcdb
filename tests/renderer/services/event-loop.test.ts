/**
 * The pause of a long job (framePacedPause): a task between chunks while the job has held
 * the page for less than a frame budget (and another chunk like the last would end within
 * half a budget past it), the next rendered frame once it has (counting other work that ran before its task), and a new budget after each frame; afterNextFrame runs after a frame callback where there are frames; and backgroundPause
 * posts a background-priority task where the browser has `scheduler.postTask`.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FRAME_WAIT_LIMIT_MS, afterNextFrame, backgroundPause, framePacedPause } from '../../../renderer/services/event-loop.ts';

afterEach(() => vi.unstubAllGlobals());

describe('framePacedPause', () => {
  it('yields to a task within the frame budget and waits for a frame past it', async () => {
    let now = 0;
    const waits: string[] = [];
    const pause = framePacedPause({
      frameBudgetMs: 16,
      now: () => now,
      task: async () => void waits.push('task'),
      frame: async () => void waits.push('frame'),
    });
    // Chunks of 6 ms: two fit in the budget, the third takes the job past it.
    for (let chunk = 0; chunk < 6; chunk += 1) {
      now += 6;
      await pause();
    }
    expect(waits).toEqual(['task', 'task', 'frame', 'task', 'task', 'frame']);
  });

  it('waits for a frame rather than run a chunk as long as the last one past one and a half budgets', async () => {
    let now = 0;
    const waits: string[] = [];
    const pause = framePacedPause({ frameBudgetMs: 16, now: () => now, task: async () => void waits.push('task'), frame: async () => void waits.push('frame') });
    // 13 ms is within the budget, but another 13 would end at 26 (> 24): a frame first.
    for (const chunk of [13, 4, 4, 4, 13]) {
      now += chunk;
      await pause();
    }
    expect(waits).toEqual(['frame', 'task', 'task', 'task', 'frame']);
  });

  it('counts the work of others that ran before its task: a frame when the page has been held past the budget meanwhile', async () => {
    let now = 0;
    const waits: string[] = [];
    // Another job's task (the library parsing an article, say) runs 12 ms before each of ours.
    const pause = framePacedPause({ frameBudgetMs: 16, now: () => now, task: async () => void (waits.push('task'), (now += 12)), frame: async () => void waits.push('frame') });
    for (let chunk = 0; chunk < 2; chunk += 1) {
      now += 4;
      await pause();
    }
    // 4 ms, a task (16 ms held once it returns: a frame before the next chunk); after the frame again.
    expect(waits).toEqual(['task', 'frame', 'task', 'frame']);
  });

  it('waits for a frame after every chunk that alone outlasts the budget', async () => {
    let now = 0;
    const waits: string[] = [];
    const pause = framePacedPause({ frameBudgetMs: 16, now: () => now, task: async () => void waits.push('task'), frame: async () => void waits.push('frame') });
    for (let chunk = 0; chunk < 3; chunk += 1) {
      now += 40;
      await pause();
    }
    expect(waits).toEqual(['frame', 'frame', 'frame']);
  });
});

describe('afterNextFrame', () => {
  it('resolves after the next animation frame callback has run', async () => {
    const order: string[] = [];
    vi.stubGlobal('requestAnimationFrame', (callback: () => void) => {
      // The browser runs frame callbacks in a later task.
      setTimeout(() => {
        order.push('frame');
        callback();
      }, 1);
      return 1;
    });
    await afterNextFrame().then(() => order.push('resolved'));
    expect(order).toEqual(['frame', 'resolved']);
  });

  it('does not wait for frames in a hidden window, where the browser paints none', async () => {
    const requested = vi.fn(() => 1);
    vi.stubGlobal('requestAnimationFrame', requested);
    vi.stubGlobal('document', { visibilityState: 'hidden' });
    await afterNextFrame();
    expect(requested).not.toHaveBeenCalled();
  });

  it('goes on after a bounded wait when no frame comes (a window hidden while waiting)', async () => {
    const cancelled: number[] = [];
    vi.stubGlobal('requestAnimationFrame', () => 7);
    vi.stubGlobal('cancelAnimationFrame', (handle: number) => void cancelled.push(handle));
    const started = performance.now();
    await afterNextFrame();
    expect(performance.now() - started).toBeGreaterThanOrEqual(FRAME_WAIT_LIMIT_MS - 1);
    expect(cancelled).toEqual([7]);
  });
});

describe('backgroundPause', () => {
  it('resolves when a background-priority task posted to the scheduler has run', async () => {
    const posted: Array<{ priority: string; run: () => void }> = [];
    const scheduler = {
      postTask(callback: () => void, options: { priority: string }) {
        return new Promise<void>((resolve) => posted.push({ priority: options.priority, run: () => resolve(callback()) }));
      },
    };
    vi.stubGlobal('scheduler', scheduler);
    const pause = backgroundPause();
    if (pause === undefined) throw new Error('expected a pause where scheduler.postTask exists');
    let resumed = false;
    const waiting = pause().then(() => void (resumed = true));
    expect(posted.map((task) => task.priority)).toEqual(['background']);
    await Promise.resolve();
    expect(resumed).toBe(false);
    posted[0]?.run();
    await waiting;
    expect(resumed).toBe(true);
  });

  it('is undefined where the browser has no scheduler.postTask, so the caller falls back', () => {
    vi.stubGlobal('scheduler', { yield: () => Promise.resolve() });
    expect(backgroundPause()).toBeUndefined();
    vi.stubGlobal('scheduler', undefined);
    expect(backgroundPause()).toBeUndefined();
  });
});
