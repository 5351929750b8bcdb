/**
 * Number keys of the codebook (shared/model/tag-keys.ts): defaults in creation order that
 * never move when tags are added, keys chosen and cleared in the codebook, keys kept in
 * place across delete, restore and merge, and the same keys on every replica after two
 * teammates changed the codebook offline.
 */
import { describe, expect, it } from 'vitest';
import type { TagId } from '#shared/model/ids.ts';
import { createProject } from '#shared/model/project.ts';
import { resolveTagKeys, setTagKey, tagForNumberKey } from '#shared/model/tag-keys.ts';
import { createTag, deleteTag, mergeTag, restoreTag } from '#shared/model/tags.ts';
import { replica, syncAll, type Replica } from '../../helpers/replicas.ts';

/** A teammate whose clock moves one second per call, so creation order is unambiguous. */
function teammate(member: string, clientID: number, start = 1_750_000_000_000): Replica & { clock: { now: number } } {
  const clock = { now: start };
  const base = replica(member, clientID, clock);
  return { ...base, clock, actor: { ...base.actor, now: () => (clock.now += 1000) } };
}

/** Creates tags named `names`, in that order; returns their ids by name. */
function addTags(r: Replica, ...names: string[]): Record<string, TagId> {
  return Object.fromEntries(names.map((name) => [name, createTag(r.doc, r.actor, { name })]));
}

/** Tag names by key, as the codebook would show them ("-" for a tag without a key). */
function keysByName(r: Replica): Record<string, number | '-'> {
  const keys = resolveTagKeys(r.doc);
  const names = new Map<TagId, string>();
  r.doc.getMap('t').forEach((map, id) => names.set(id as TagId, (map as { get(key: string): unknown }).get('n') as string));
  const out: Record<string, number | '-'> = {};
  for (const [id] of keys.sourceOf) out[names.get(id) ?? id] = keys.keyOf.get(id) ?? '-';
  return out;
}

function setup(): Replica & { clock: { now: number } } {
  const ana = teammate('ana', 1);
  createProject(ana.doc, ana.actor, { name: 'Caucasus' });
  return ana;
}

describe('default number keys', () => {
  it('follow creation order, not the alphabet', () => {
    const ana = setup();
    const tags = addTags(ana, 'Zeta', 'Alpha', 'Mid');
    expect(keysByName(ana)).toEqual({ Zeta: 1, Alpha: 2, Mid: 3 });
    expect(tagForNumberKey(ana.doc, 2)).toBe(tags.Alpha);
    expect(resolveTagKeys(ana.doc).sourceOf.get(tags.Alpha as TagId)).toBe('default');
  });

  it('do not move when a tag is added, even one whose name sorts first', () => {
    const ana = setup();
    addTags(ana, 'Zeta', 'Alpha', 'Mid');
    addTags(ana, 'Aardvark');
    expect(keysByName(ana)).toEqual({ Zeta: 1, Alpha: 2, Mid: 3, Aardvark: 4 });
  });

  it('run out after nine: a tenth tag has no key and no key applies it', () => {
    const ana = setup();
    const tags = addTags(ana, ...Array.from({ length: 10 }, (_, index) => `Tag ${index + 1}`));
    expect(keysByName(ana)['Tag 10']).toBe('-');
    expect(resolveTagKeys(ana.doc).sourceOf.get(tags['Tag 10'] as TagId)).toBe('none free');
    expect(tagForNumberKey(ana.doc, 9)).toBe(tags['Tag 9']);
  });

  it('a key outside 1–9 applies no tag', () => {
    const ana = setup();
    addTags(ana, 'Zeta');
    for (const key of [0, 10, 1.5, -1, Number.NaN]) expect(tagForNumberKey(ana.doc, key)).toBeNull();
  });
});

describe('choosing keys in the codebook', () => {
  it('a chosen key applies its tag; the other keys stay where they were', () => {
    const ana = setup();
    const tags = addTags(ana, 'Zeta', 'Alpha', 'Mid', 'Beta');
    setTagKey(ana.doc, ana.actor, tags.Alpha as TagId, 9);
    expect(keysByName(ana)).toEqual({ Zeta: 1, Alpha: 9, Mid: 3, Beta: 4 });
    expect(tagForNumberKey(ana.doc, 9)).toBe(tags.Alpha);
    expect(tagForNumberKey(ana.doc, 2)).toBeNull();
    // The key Alpha left is the first free one: the next new tag takes it.
    addTags(ana, 'Gamma');
    expect(keysByName(ana)).toMatchObject({ Gamma: 2, Mid: 3, Beta: 4 });
  });

  it('choosing a key another tag holds moves it; that tag is left without a key', () => {
    const ana = setup();
    const tags = addTags(ana, 'Zeta', 'Alpha', 'Mid');
    setTagKey(ana.doc, ana.actor, tags.Mid as TagId, 1);
    expect(keysByName(ana)).toEqual({ Zeta: '-', Alpha: 2, Mid: 1 });
    expect(resolveTagKeys(ana.doc).sourceOf.get(tags.Zeta as TagId)).toBe('none chosen');
  });

  it('a cleared key stays cleared even when keys are free', () => {
    const ana = setup();
    const tags = addTags(ana, 'Zeta', 'Alpha');
    setTagKey(ana.doc, ana.actor, tags.Zeta as TagId, null);
    addTags(ana, 'Mid');
    expect(keysByName(ana)).toEqual({ Zeta: '-', Alpha: 2, Mid: 1 });
    setTagKey(ana.doc, ana.actor, tags.Zeta as TagId, 5);
    expect(keysByName(ana)).toEqual({ Zeta: 5, Alpha: 2, Mid: 1 });
  });

  it('refuses a key outside 1–9 and a tag that is not in the codebook', () => {
    const ana = setup();
    const tags = addTags(ana, 'Zeta', 'Alpha');
    for (const key of [0, 10, 2.5]) expect(() => setTagKey(ana.doc, ana.actor, tags.Zeta as TagId, key)).toThrow(/1 to 9/);
    deleteTag(ana.doc, ana.actor, tags.Alpha as TagId);
    expect(() => setTagKey(ana.doc, ana.actor, tags.Alpha as TagId, 3)).toThrow(/not in the codebook/);
  });

  it('ignores a stored key it cannot read (the tag takes a default)', () => {
    const ana = setup();
    const tags = addTags(ana, 'Zeta', 'Alpha');
    const map = ana.doc.getMap('t').get(tags.Zeta as string) as { set(key: string, value: unknown): void };
    ana.doc.transact(() => map.set('k', { n: 12, a: 1 }));
    expect(keysByName(ana)).toEqual({ Zeta: 1, Alpha: 2 });
  });
});

describe('keys across delete, restore and merge', () => {
  it('deleting a tag frees its key without moving the others', () => {
    const ana = setup();
    const tags = addTags(ana, 'Zeta', 'Alpha', 'Mid');
    deleteTag(ana.doc, ana.actor, tags.Alpha as TagId);
    expect(keysByName(ana)).toEqual({ Zeta: 1, Mid: 3 });
    expect(tagForNumberKey(ana.doc, 2)).toBeNull();
  });

  it('a restored tag gets its key back if still free, else a free one; no other key moves', () => {
    const ana = setup();
    const tags = addTags(ana, 'Zeta', 'Alpha', 'Mid');
    deleteTag(ana.doc, ana.actor, tags.Alpha as TagId);
    restoreTag(ana.doc, ana.actor, tags.Alpha as TagId);
    expect(keysByName(ana)).toEqual({ Zeta: 1, Alpha: 2, Mid: 3 });
    deleteTag(ana.doc, ana.actor, tags.Alpha as TagId);
    addTags(ana, 'Beta');
    restoreTag(ana.doc, ana.actor, tags.Alpha as TagId);
    expect(keysByName(ana)).toEqual({ Zeta: 1, Beta: 2, Mid: 3, Alpha: 4 });
  });

  it('a tag merged into another leaves its key free; the rest stay', () => {
    const ana = setup();
    const tags = addTags(ana, 'Zeta', 'Alpha', 'Mid');
    mergeTag(ana.doc, ana.actor, tags.Zeta as TagId, tags.Mid as TagId);
    expect(keysByName(ana)).toEqual({ Alpha: 2, Mid: 3 });
  });
});

describe('keys after two teammates changed the codebook offline', () => {
  function team(): { ana: ReturnType<typeof teammate>; ben: ReturnType<typeof teammate>; tags: Record<string, TagId> } {
    const ana = setup();
    const ben = teammate('ben', 2, ana.clock.now + 60_000);
    const tags = addTags(ana, 'Zeta', 'Alpha');
    syncAll(ana.doc, ben.doc);
    ana.clock.now = ben.clock.now;
    return { ana, ben, tags };
  }

  it('tags each added offline keep their keys; a default both took stays with the older tag, the other takes the next free key', () => {
    const { ana, ben } = team();
    addTags(ana, 'Mid'); // Ana first…
    ben.clock.now = ana.clock.now;
    addTags(ben, 'Beta'); // …then Ben…
    ana.clock.now = ben.clock.now;
    addTags(ana, 'Omega'); // …then Ana again.
    expect(keysByName(ana)).toEqual({ Zeta: 1, Alpha: 2, Mid: 3, Omega: 4 });
    expect(keysByName(ben)).toEqual({ Zeta: 1, Alpha: 2, Beta: 3 });
    syncAll(ana.doc, ben.doc);
    for (const r of [ana, ben]) expect(keysByName(r)).toEqual({ Zeta: 1, Alpha: 2, Mid: 3, Omega: 4, Beta: 5 });
  });

  it('tags without a recorded default take the free keys in creation order, after every recorded one', () => {
    const { ana, ben } = team();
    addTags(ana, 'Mid');
    ben.clock.now = ana.clock.now;
    const beta = addTags(ben, 'Beta').Beta as TagId;
    // Tags written by a version that recorded no defaults.
    for (const r of [ana, ben]) r.doc.transact(() => r.doc.getMap('t').forEach((map) => (map as { delete(key: string): void }).delete('kd')));
    syncAll(ana.doc, ben.doc);
    for (const r of [ana, ben]) expect(keysByName(r)).toEqual({ Zeta: 1, Alpha: 2, Mid: 3, Beta: 4 });
    expect(tagForNumberKey(ana.doc, 4)).toBe(beta);
  });

  it('two tags given the same key: the earlier choice keeps it, the other has none and is reported', () => {
    const { ana, ben, tags } = team();
    const beta = addTags(ben, 'Beta').Beta as TagId;
    setTagKey(ana.doc, ana.actor, tags.Zeta as TagId, 9);
    ben.clock.now = ana.clock.now + 10_000;
    setTagKey(ben.doc, ben.actor, beta, 9);
    syncAll(ana.doc, ben.doc);
    for (const r of [ana, ben]) {
      expect(keysByName(r)).toEqual({ Zeta: 9, Alpha: 2, Beta: '-' });
      expect(tagForNumberKey(r.doc, 9)).toBe(tags.Zeta);
      expect(resolveTagKeys(r.doc).conflicts.get(beta)).toEqual({ key: 9, heldBy: tags.Zeta });
      expect(resolveTagKeys(r.doc).sourceOf.get(beta)).toBe('lost');
    }
  });

  it('the same key chosen at the same moment goes to the smaller tag id on every replica', () => {
    const { ana, ben, tags } = team();
    ben.clock.now = ana.clock.now;
    setTagKey(ana.doc, ana.actor, tags.Zeta as TagId, 7);
    setTagKey(ben.doc, ben.actor, tags.Alpha as TagId, 7);
    syncAll(ana.doc, ben.doc);
    const winner = [tags.Zeta, tags.Alpha].sort()[0];
    for (const r of [ana, ben]) expect(tagForNumberKey(r.doc, 7)).toBe(winner);
    expect(resolveTagKeys(ana.doc).keyOf).toEqual(resolveTagKeys(ben.doc).keyOf);
  });

  it('a key chosen offline wins over a default a teammate’s new tag took meanwhile', () => {
    const { ana, ben, tags } = team();
    setTagKey(ana.doc, ana.actor, tags.Alpha as TagId, 3);
    addTags(ben, 'Beta'); // takes 3 by default on Ben's side
    syncAll(ana.doc, ben.doc);
    for (const r of [ana, ben]) expect(keysByName(r)).toEqual({ Zeta: 1, Alpha: 3, Beta: 2 });
  });
});
