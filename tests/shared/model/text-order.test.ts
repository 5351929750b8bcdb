/**
 * The incrementally kept text order: after batches of items coming, moving and going, settled
 * one batch at a time, it lists exactly the live items, as a full sort of them would.
 */
import { describe, expect, it } from 'vitest';
import { byPosition, createTextOrder, type Placed } from '#shared/model/text-order.ts';
import { seededRandom } from '#shared/sample/seeded-random.ts';

function place(id: string, documentId: string, start: number, length: number): Placed {
  return { id, documentId, position: { start, end: start + length } };
}

describe('text order', () => {
  it('orders by document, start, end, then id', () => {
    const items = [place('b', 'doc-2', 0, 5), place('c', 'doc-1', 10, 5), place('a', 'doc-1', 10, 5), place('d', 'doc-1', 10, 2), place('e', 'doc-1', 3, 40)];
    expect([...items].sort(byPosition).map((item) => item.id)).toEqual(['e', 'd', 'a', 'c', 'b']);
  });

  it('matches a full sort of the live items after random batches of changes', () => {
    const random = seededRandom(7);
    const live = new Map<string, Placed>();
    let listed = new Set<string>();
    const order = createTextOrder<Placed>((item) => item);
    for (let batch = 0; batch < 60; batch += 1) {
      const changes = 1 + Math.floor(random() * 40);
      for (let change = 0; change < changes; change += 1) {
        const id = `h${Math.floor(random() * 300)}`;
        order.touch(id, listed.has(id));
        if (random() < 0.3) live.delete(id);
        else live.set(id, place(id, `doc-${Math.floor(random() * 3)}`, Math.floor(random() * 50), 1 + Math.floor(random() * 5)));
      }
      expect(order.unsettled()).toBe(true);
      order.settle((id) => live.get(id));
      listed = new Set(live.keys());
      expect(order.unsettled()).toBe(false);
      if (random() < 0.5) expect(order.items()).toEqual([...live.values()].sort(byPosition));
    }
    expect(order.items()).toEqual([...live.values()].sort(byPosition));
  });

  it('keeps the item objects of the last settle, so a changed item is listed as it is now', () => {
    const order = createTextOrder<Placed>((item) => item);
    const first = place('a', 'doc', 5, 3);
    order.touch('a', false);
    order.settle(() => first);
    const moved = place('a', 'doc', 1, 3);
    order.touch('a', true);
    order.settle(() => moved);
    expect(order.items()).toEqual([moved]);
    expect(order.items()[0]).toBe(moved);
  });
});
