/**
 * Test helper: seeded corruption of a project doc. Starting from a real sample project,
 * it overwrites fields of every record shape of shared/model/layout.ts (project meta,
 * members, client registry, tags, highlights with their anchors and applications, notes and
 * replies) with wrong-typed or missing values, the way a damaged file or a hostile teammate
 * could. The same seed gives the same damage, so a failing case reruns from its seed.
 */
import * as Y from 'yjs';
import { HIGHLIGHT, MEMO, META, NOTE, NOTE_OTHER_EDIT_PREFIX, ROOT, TAG } from '#shared/model/layout.ts';

/** A wrong-typed or out-of-range value (Yjs types are made fresh: each can be inserted once). */
function junk(random: () => number, plainOnly = false): unknown {
  const values: (() => unknown)[] = [
    () => null, () => undefined, () => true, () => 0, () => -1, () => Number.NaN, () => Number.POSITIVE_INFINITY,
    () => Number.NEGATIVE_INFINITY, () => 1e300, () => -1e20, () => 8.64e15 + 1, () => 2.5, () => '', () => 'x',
    () => '\u0000=HYPERLINK("http://x")', () => '5', () => [], () => [1, 'a'], () => ({}), () => ({ d: 1 }),
    () => ({ n: 'name', c: 7, a: 'soon' }),
  ];
  if (!plainOnly) values.push(() => new Y.Map(), () => new Y.Text('text'), () => new Y.Array());
  return (values[Math.floor(random() * values.length)] as () => unknown)();
}

function pick<T>(random: () => number, items: readonly T[]): T | undefined {
  return items.length === 0 ? undefined : items[Math.floor(random() * items.length)];
}

function corruptPlain(random: () => number, value: unknown): unknown {
  if (value instanceof Y.AbstractType) return junk(random);
  if (Array.isArray(value)) {
    const copy: unknown[] = [...value];
    copy[Math.floor(random() * (copy.length + 1))] = junk(random, true);
    return random() < 0.2 ? copy.slice(0, 1) : copy;
  }
  if (typeof value === 'object' && value !== null) {
    const copy: Record<string, unknown> = { ...value };
    const key = pick(random, Object.keys(copy)) ?? 'x';
    if (random() < 0.3) delete copy[key];
    else copy[key] = Array.isArray(copy[key]) ? corruptPlain(random, copy[key]) : junk(random, true);
    return copy;
  }
  return junk(random);
}

/** Damages one field (or a whole record) of `map`, choosing among `keys` and its own keys. */
function corruptMap(random: () => number, map: Y.Map<unknown>, keys: readonly string[]): void {
  const key = pick(random, [...keys, ...map.keys()]) ?? 'x';
  const roll = random();
  if (roll < 0.15) map.delete(key);
  else if (roll < 0.5) map.set(key, corruptPlain(random, map.get(key)));
  else map.set(key, junk(random));
}

function corruptRecordOf(random: () => number, root: Y.Map<unknown>, fieldKeys: readonly string[], nested?: (map: Y.Map<unknown>) => void): void {
  const id = pick(random, [...root.keys()]);
  if (id === undefined) return;
  const record = root.get(id);
  const roll = random();
  if (roll < 0.1) root.set(id, junk(random));
  else if (record instanceof Y.Map) {
    if (nested && roll < 0.35) nested(record);
    else corruptMap(random, record, fieldKeys);
  } else root.set(id, corruptPlain(random, record));
}

const SHAPES: readonly ((doc: Y.Doc, random: () => number) => void)[] = [
  (doc, random) => corruptMap(random, doc.getMap(ROOT.meta), Object.values(META)),
  (doc, random) => corruptRecordOf(random, doc.getMap(ROOT.members), []),
  (doc, random) => corruptRecordOf(random, doc.getMap(ROOT.clients), []),
  (doc, random) => corruptRecordOf(random, doc.getMap(ROOT.tags), Object.values(TAG)),
  (doc, random) =>
    corruptRecordOf(random, doc.getMap(ROOT.highlights), Object.values(HIGHLIGHT), (map) => {
      const tagKey = pick(random, [...map.keys()].filter((key) => key.length > 2));
      if (tagKey !== undefined && random() < 0.5) map.set(tagKey, junk(random));
      else map.set(HIGHLIGHT.anchor, corruptPlain(random, map.get(HIGHLIGHT.anchor)));
    }),
  (doc, random) =>
    corruptRecordOf(random, doc.getMap(ROOT.notes), [...Object.values(NOTE), `${NOTE_OTHER_EDIT_PREFIX}someone`], (map) => {
      const replies = map.get(NOTE.replies);
      if (replies instanceof Y.Map && replies.size > 0) corruptRecordOf(random, replies, [NOTE.createdBy, NOTE.createdAt, NOTE.text, NOTE.trash, NOTE.updatedAt]);
      else map.set(NOTE.replies, junk(random));
    }),
  (doc, random) => corruptRecordOf(random, doc.getMap(ROOT.memos), Object.values(MEMO)),
];

/**
 * A copy of the project `base` (a Yjs update) with 1–6 seeded corruptions, read back
 * through an encoded update as a file or a sync would deliver it.
 */
export function corruptProject(base: Uint8Array, seed: number, random: () => number): Y.Doc {
  const damaged = new Y.Doc();
  damaged.clientID = 7000 + seed;
  Y.applyUpdate(damaged, base);
  const count = 1 + Math.floor(random() * 6);
  damaged.transact(() => {
    for (let index = 0; index < count; index++) (SHAPES[Math.floor(random() * SHAPES.length)] as (doc: Y.Doc, random: () => number) => void)(damaged, random);
  });
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(damaged));
  damaged.destroy();
  return doc;
}
