import { describe, expect, it } from 'vitest';
import { createReadingPositionStore, readingPositionKey } from '../../../renderer/services/reading-positions.ts';

/** A Map-backed Storage with an optional write failure, like a full quota. */
class MemoryStorage implements Storage {
  readonly items = new Map<string, string>();
  failWrites = false;
  get length(): number { return this.items.size; }
  clear(): void { this.items.clear(); }
  getItem(key: string): string | null { return this.items.get(key) ?? null; }
  key(index: number): string | null { return [...this.items.keys()][index] ?? null; }
  removeItem(key: string): void { this.items.delete(key); }
  setItem(key: string, value: string): void {
    if (this.failWrites) throw new Error('QuotaExceededError');
    this.items.set(key, value);
  }
}

describe('reading positions', () => {
  it('remembers the latest offset per document and survives a new store (restart)', () => {
    const storage = new MemoryStorage();
    const store = createReadingPositionStore(storage, () => 1000);
    store.record('doc-a', 120, 0.2);
    store.record('doc-b', 5, 0.01);
    store.record('doc-a', 300.7, 0.4);
    const reopened = createReadingPositionStore(storage);
    expect(reopened.get('doc-a')).toEqual({ offset: 300, progress: 0.4, updatedAt: 1000 });
    expect(reopened.get('doc-b')?.offset).toBe(5);
    expect(reopened.get('doc-c')).toBeNull();
    expect([...storage.items.keys()].sort()).toEqual([readingPositionKey('doc-a'), readingPositionKey('doc-b')]);
  });

  it('keeps the furthest progress when the reader scrolls back', () => {
    const store = createReadingPositionStore(new MemoryStorage());
    store.record('doc', 900, 0.75);
    const back = store.record('doc', 10, 0.05);
    expect(back).toMatchObject({ offset: 10, progress: 0.75 });
  });

  it('clamps progress to 0..1 and ignores non-finite input', () => {
    const store = createReadingPositionStore(new MemoryStorage());
    expect(store.record('doc', 1, 7).progress).toBe(1);
    expect(createReadingPositionStore(new MemoryStorage()).record('doc', -5, Number.NaN)).toMatchObject({ offset: 0, progress: 0 });
  });

  it('treats malformed stored values as no position', () => {
    const storage = new MemoryStorage();
    storage.setItem(readingPositionKey('x'), '{not json');
    storage.setItem(readingPositionKey('y'), JSON.stringify({ offset: 'ten', progress: 0.1, updatedAt: 1 }));
    storage.setItem(readingPositionKey('z'), JSON.stringify({ offset: 3, progress: 4, updatedAt: 1 }));
    const store = createReadingPositionStore(storage);
    expect(store.get('x')).toBeNull();
    expect(store.get('y')).toBeNull();
    expect(store.get('z')).toBeNull();
  });

  it('keeps reading when storage refuses writes', () => {
    const storage = new MemoryStorage();
    storage.failWrites = true;
    const store = createReadingPositionStore(storage);
    expect(() => store.record('doc', 10, 0.1)).not.toThrow();
    expect(store.get('doc')).toBeNull();
  });
});

describe('reading positions, observed', () => {
  it('tells each listener about every record and moves the revision on, until unsubscribed', () => {
    const store = createReadingPositionStore(new MemoryStorage());
    const seen: string[] = [];
    const stop = store.subscribe(() => seen.push(`${store.revision()}:${store.get('doc')?.progress}`));
    const before = store.revision();
    store.record('doc', 10, 0.5);
    store.record('doc', 20, 1);
    expect(seen).toEqual([`${before + 1}:0.5`, `${before + 2}:1`]);
    stop();
    store.record('doc', 30, 1);
    expect(seen).toHaveLength(2);
    expect(store.revision()).toBe(before + 3);
  });
});
