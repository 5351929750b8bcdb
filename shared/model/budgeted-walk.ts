/**
 * Visiting a long run of records a few milliseconds at a time, so the caller can give the
 * page a frame or an idle period between steps (building an index ahead of its first use,
 * anchoring an article's highlights ahead of its bridge). Pure: the clock is passed in.
 */

/**
 * Walks `items`, calling `visit` on each. Returns a step: each call visits items for up to
 * `budgetMs` by `now` (at least one) and says whether all are visited; `done` runs once,
 * when the last one is. A step after that visits nothing and says true.
 *
 * @example const step = budgetedWalk(ids.values(), place); while (!step(8)) await afterNextFrame();
 */
export function budgetedWalk<T>(items: Iterator<T>, visit: (item: T) => void, options: { readonly now?: () => number; readonly done?: () => void } = {}): (budgetMs: number) => boolean {
  const now = options.now ?? Date.now;
  let finished = false;
  return (budgetMs) => {
    if (finished) return true;
    const end = now() + budgetMs;
    for (;;) {
      const next = items.next();
      if (next.done === true) {
        finished = true;
        options.done?.();
        return true;
      }
      visit(next.value);
      if (now() >= end) return false;
    }
  };
}
