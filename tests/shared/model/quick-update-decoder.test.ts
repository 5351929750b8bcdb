/**
 * applyUpdateQuickly leaves a doc exactly as Y.applyUpdate does: a sample project with notes,
 * replies, deletions and non-ASCII text; every kind of value lib0 writes (ASCII and not,
 * short and long strings, integers, float32/float64, bigints, nested objects and arrays,
 * bytes); more distinct short strings than it keeps shared copies of; values of list items
 * read in one update and split by a later one; and a truncated update, or one claiming an
 * array of two billion values, fails with the same error as with Yjs's own reader; and the
 * doc it loads takes far less heap than the one Yjs's own reader builds.
 */
import { setFlagsFromString, getHeapStatistics } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { defaultDocumentsDir, readBundledDocuments } from '../../../electron/services/documents-fs.ts';
import { applyUpdateQuickly } from '#shared/model/quick-update-decoder.ts';
import { generateSampleProject } from '#shared/sample/sample-project.ts';

const articles = (await readBundledDocuments(defaultDocumentsDir())).flatMap((result) =>
  result.ok ? [{ id: result.article.meta.id, text: result.article.text, hash: result.article.hash }] : []);

const stateOf = (doc: Y.Doc): Buffer => Buffer.from(Y.encodeStateAsUpdate(doc));

/** Both ways of applying `update` to fresh docs: [Yjs's own, quick]. */
function applyBoth(update: Uint8Array): [Y.Doc, Y.Doc] {
  const own = new Y.Doc({ gc: false });
  const quick = new Y.Doc({ gc: false });
  Y.applyUpdate(own, update);
  applyUpdateQuickly(quick, update);
  return [own, quick];
}

/** The message of the error `Y.applyUpdate` throws on `update` (it must throw one). */
function yjsErrorOn(update: Uint8Array): string {
  try {
    Y.applyUpdate(new Y.Doc(), update);
  } catch (error) {
    if (error instanceof Error) return error.message;
  }
  throw new Error('Y.applyUpdate read the update without an error');
}

describe('applyUpdateQuickly', () => {
  it('leaves a sample project exactly as Y.applyUpdate does', () => {
    const { doc } = generateSampleProject(articles, { highlights: 400, notes: 120, seed: 3 });
    const notes = doc.getMap<Y.Map<unknown>>('n');
    let edited = 0;
    for (const note of notes.values()) {
      const text = note.get('t');
      if (text instanceof Y.Text && text.length > 4 && edited++ < 40) text.insert(2, 'Azərbaycan — “Türkiye” ');
    }
    const update = Y.encodeStateAsUpdate(doc);
    const [own, quick] = applyBoth(update);
    expect(stateOf(quick).equals(stateOf(own))).toBe(true);
    expect(quick.getMap('h').toJSON()).toEqual(own.getMap('h').toJSON());
    expect(quick.getMap('n').toJSON()).toEqual(own.getMap('n').toJSON());
    expect(quick.getMap('h').size).toBeGreaterThan(300);
  });

  it('reads every kind of value lib0 writes, as Yjs does', () => {
    const source = new Y.Doc();
    const values = source.getMap<unknown>('v');
    const long = 'x'.repeat(65);
    const entries: Record<string, unknown> = {
      empty: '',
      ascii: 'benchmarkmemberAAAAAAA',
      asciiLong: long,
      accented: 'Nəşriyyatı',
      quoted: '“Azerbaijan’s” playbook',
      emoji: 'note 📌',
      zero: 0,
      negative: -42,
      large: 2 ** 40,
      float32: 0.5,
      float64: 1_750_000_000_123.25,
      fraction: 0.1,
      big: 2n ** 60n,
      yes: true,
      no: false,
      nothing: null,
      anchor: { d: 'russia-azerbaijan-disputes', h: 'sha256:0123', p: [10, 24], q: ['mutual distrust', 'and ', ' between'], b: 'benchmarkmemberAAAAAAA', a: 1_750_000_000_000 },
      nested: [[1, 'a'], { k: [null, true, -1.5] }],
      bytes: new Uint8Array([0, 1, 254, 255]),
      [`k${long}`]: 'a long key',
      'ключ': 'a key not in ASCII',
    };
    for (const [key, value] of Object.entries(entries)) values.set(key, value);
    values.set('undefinedInArray', [undefined, 1]);
    const [own, quick] = applyBoth(Y.encodeStateAsUpdate(source));
    const read = quick.getMap<unknown>('v');
    for (const key of [...Object.keys(entries), 'undefinedInArray']) expect(read.get(key), key).toEqual(own.getMap('v').get(key));
    expect(read.get('big')).toBe(2n ** 60n);
    expect(read.get('float64')).toBe(1_750_000_000_123.25);
    expect(read.get('bytes')).toBeInstanceOf(Uint8Array);
    expect(stateOf(quick).equals(stateOf(own))).toBe(true);
  });

  it('reads more distinct short strings than it shares, each where it was written', () => {
    const source = new Y.Doc();
    const members = ['memberAAAAAAAAAAAAAAAAA', 'memberBBBBBBBBBBBBBBBBB', 'memberCCCCCCCCCCCCCCCCC'];
    const records = source.getMap<unknown>('h');
    source.transact(() => {
      for (let index = 0; index < 6000; index += 1) {
        const id = `h${String(index).padStart(21, '0')}`;
        records.set(id, { d: `document-${index % 5}`, b: members[index % 3], own: `value-${index}` });
      }
    });
    const [own, quick] = applyBoth(Y.encodeStateAsUpdate(source));
    expect(quick.getMap('h').toJSON()).toEqual(own.getMap('h').toJSON());
    expect(quick.getMap<{ own: string }>('h').get(`h${String(5999).padStart(21, '0')}`)?.own).toBe('value-5999');
  });

  it('reads list values across updates that split the items holding them, as Yjs does', () => {
    const source = new Y.Doc();
    const list = source.getArray<unknown>('l');
    list.push([1, 'two', { three: 3 }, [4], 5, 6, 7, 8, 9, 10, 11, 12]);
    const first = Y.encodeStateAsUpdate(source);
    const vector = Y.encodeStateVector(source);
    list.insert(2, ['inserted']);
    list.delete(6, 3);
    const second = Y.encodeStateAsUpdate(source, vector);
    const own = new Y.Doc({ gc: false });
    const quick = new Y.Doc({ gc: false });
    for (const update of [first, second]) {
      Y.applyUpdate(own, update);
      applyUpdateQuickly(quick, update);
    }
    expect(quick.getArray('l').toJSON()).toEqual(own.getArray('l').toJSON());
    expect(quick.getArray('l').toJSON()).toEqual([1, 'two', 'inserted', { three: 3 }, [4], 5, 9, 10, 11, 12]);
    expect(stateOf(quick).equals(stateOf(own))).toBe(true);
  });

  it('fails on an update claiming an array of two billion values with the error Y.applyUpdate gives', () => {
    const source = new Y.Doc();
    source.getMap('h').set('a', [7]);
    const update = Y.encodeStateAsUpdate(source);
    // The value is the update's last bytes: tag 117 (array), length 1 (one byte), tag 125 (integer) 7, then the delete set (0).
    const at = update.lastIndexOf(117);
    expect(update[at + 1]).toBe(1);
    const claimed = new Uint8Array([...update.slice(0, at + 1), 0x80, 0x80, 0x80, 0x80, 0x08, ...update.slice(at + 2)]);
    expect(() => applyUpdateQuickly(new Y.Doc(), claimed)).toThrow(yjsErrorOn(claimed));
  });

  it('fails on a truncated update with the error Y.applyUpdate gives', () => {
    const source = new Y.Doc();
    source.getMap('h').set('a', { q: ['x'.repeat(40), 'prefix', 'suffix'] });
    const update = Y.encodeStateAsUpdate(source);
    for (const cut of [update.length - 3, Math.floor(update.length / 2)]) {
      const truncated = update.slice(0, cut);
      expect(() => applyUpdateQuickly(new Y.Doc(), truncated)).toThrow(yjsErrorOn(truncated));
    }
  });
});

describe('applyUpdateQuickly, the loaded doc', () => {
  it('takes far less heap than the same project read by Yjs\'s own decoder (shared strings, arrays sized to their values)', () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const { doc } = generateSampleProject(articles, { highlights: 2000, seed: 5 });
    const update = Y.encodeStateAsUpdate(doc);
    doc.destroy();
    // Every doc stays alive to the end, so no measure is offset by an earlier doc being collected.
    const alive: Y.Doc[] = [];
    /** Heap a doc read by `apply` adds, after full collections. */
    const heapOf = (apply: (target: Y.Doc, bytes: Uint8Array) => void): number => {
      gc();
      gc();
      const before = getHeapStatistics().used_heap_size;
      const loaded = new Y.Doc();
      apply(loaded, update);
      alive.push(loaded);
      gc();
      gc();
      expect(loaded.getMap('h').size).toBe(2000);
      return getHeapStatistics().used_heap_size - before;
    };
    heapOf(applyUpdateQuickly);
    const own = Math.min(heapOf(Y.applyUpdate), heapOf(Y.applyUpdate));
    const quick = Math.max(heapOf(applyUpdateQuickly), heapOf(applyUpdateQuickly));
    // 3.8 against 2.9 KB per highlight in the 10k project; here ~0.78 of the heap, ~0.85 without
    // the shared strings and ~0.89 without the arrays sized to their values.
    expect(quick).toBeLessThan(own * 0.825);
  });
});
