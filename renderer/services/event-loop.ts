/**
 * Yielding to the browser's event loop between slices of long work (an export, a
 * download's bytes), so input and paint get their turn and no task grows long.
 */

/**
 * Yields to the event loop: `scheduler.yield()` where the browser has it (the work then
 * continues before other queued tasks, after input and paint), else a macrotask.
 */
export function yieldToEventLoop(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}
