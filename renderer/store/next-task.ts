/**
 * Yielding to the event loop between chunks of long work, so input and painting come
 * first: `scheduler.yield()` where the browser has it, else a message-channel task (not
 * `setTimeout`, which browsers clamp to 4 ms once timers nest).
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
