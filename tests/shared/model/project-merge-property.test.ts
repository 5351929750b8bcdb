/**
 * Property: merging project files of projects that started apart is order-independent and
 * idempotent, over many seeded random projects (shared/sample).
 *
 * For each seed, two projects A and B are generated apart (their own people, ids and Yjs
 * clients) with the same code names as a real team's would overlap ("Energy", "Security",
 * numbered aspects), then edited at random: codes renamed to case-, accent- or Turkish-i
 * variants of the other side's names, "İran"/"iran" added, highlights and codes trashed,
 * codes merged. Then, with AB = A merging B's file and BA = B merging A's file:
 *   1. comparable(AB) = comparable(BA);
 *   2. merging B's file into AB again changes nothing: same state vector, same comparable;
 *   3. no live code of A is named like a live code of B in AB (every same-name pair across
 *      the two sides was joined; codes named alike within one side are that side's own).
 *
 * What is compared, `comparable(doc)`: the canonical snapshot (shared/model/canonical-
 * snapshot.ts: every highlight, live and trashed, with its anchor, resolved tags and who
 * applied them, every note and reply; every code with all its fields, merged and trashed
 * ones included), the members, the resolved number keys and the schema version. Left out is
 * the project identity only — the meta's id and name (with the name's updated-by/at) —
 * which by design stays each side’s own. MARGINALIA_MERGE_SEEDS=N runs N pairs (default 20).
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { defaultDocumentsDir, readBundledDocuments } from '../../../electron/services/documents-fs.ts';
import { canonicalSnapshot } from '#shared/model/canonical-snapshot.ts';
import { deleteHighlight } from '#shared/model/highlights.ts';
import type { HighlightId, MemberId, TagId } from '#shared/model/ids.ts';
import { roots } from '#shared/model/layout.ts';
import { getProjectMeta, listMembers } from '#shared/model/project.ts';
import { encodeProjectFile } from '#shared/model/project-file.ts';
import { mergeProjectFile } from '#shared/model/project-merge.ts';
import { codeNameKey } from '#shared/model/same-name-codes.ts';
import { buildTagIndex } from '#shared/model/tag-index.ts';
import { resolveTagKeys } from '#shared/model/tag-keys.ts';
import { createTag, deleteTag, mergeTag, updateTag } from '#shared/model/tags.ts';
import type { Actor } from '#shared/model/write.ts';
import { generateSampleProject, type SampleArticle } from '#shared/sample/sample-project.ts';
import { seededRandom } from '#shared/sample/seeded-random.ts';

const SEEDS = Number(process.env.MARGINALIA_MERGE_SEEDS ?? 20);

const articles: SampleArticle[] = (await readBundledDocuments(defaultDocumentsDir())).flatMap((result) =>
  result.ok ? [{ id: result.article.meta.id, text: result.article.text, hash: result.article.hash }] : []);

/** Everything but the project identity (see the header). */
function comparable(doc: Y.Doc): string {
  const keys = resolveTagKeys(doc);
  const schema = getProjectMeta(doc).schema;
  const keyRows = [...keys.sourceOf.entries()].map(([id, source]) => [id, keys.keyOf.get(id) ?? null, source]).sort();
  return JSON.stringify({ snapshot: canonicalSnapshot(doc), members: listMembers(doc), keys: keyRows, schema });
}

/** A copy of `doc` on a fixed Yjs client, so every run is the same. */
function copyOnClient(doc: Y.Doc, clientID: number): Y.Doc {
  const copy = new Y.Doc();
  copy.clientID = clientID;
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
}

/** Case, accent and Turkish-i variants that fold to the same name. */
function variantOf(name: string, random: () => number): string {
  const variants = [
    name.toUpperCase(),
    name.toLowerCase(),
    name.replace(/e/g, 'é'),
    name.replace(/i/g, 'ı'),
    name.replace(/I/g, 'İ').replace(/^i/, 'İ'),
    ` ${name}  `,
  ];
  return variants[Math.floor(random() * variants.length)] as string;
}

/** One side of the pair: a project generated apart, then edited at random by its lead. */
function sideProject(seed: number, clientIdBase: number) {
  const generated = generateSampleProject(articles, { seed, clientIdBase, highlights: 20, tags: 8, notes: 6, people: 2 }).doc;
  const doc = copyOnClient(generated, clientIdBase + 500);
  generated.destroy();
  const lead = getProjectMeta(doc).updatedBy as MemberId;
  let clock = Date.UTC(2026, 1, 1) + seed * 1000;
  const actor: Actor = { member: lead, now: () => (clock += 1000) };
  return { doc, actor };
}

function liveTags(doc: Y.Doc): { id: TagId; name: string }[] {
  const index = buildTagIndex(doc);
  return [...index.tags.values()].filter((tag) => index.isLive(tag.id)).map((tag) => ({ id: tag.id, name: tag.name })).sort((a, b) => (a.id < b.id ? -1 : 1));
}

function editAtRandom(side: { doc: Y.Doc; actor: Actor }, other: Y.Doc, random: () => number): void {
  const pick = <T>(items: readonly T[]): T | undefined => items[Math.floor(random() * items.length)];
  const otherNames = liveTags(other).map((tag) => tag.name);
  for (let step = 0; step < 3; step += 1) {
    const mine = liveTags(side.doc);
    const roll = random();
    const target = pick(mine);
    const name = pick(otherNames);
    if (roll < 0.45 && target && name) updateTag(side.doc, side.actor, target.id, { name: variantOf(name, random) });
    else if (roll < 0.6) createTag(side.doc, side.actor, { name: random() < 0.5 ? 'İran' : 'iran' });
    else if (roll < 0.7 && target) deleteTag(side.doc, side.actor, target.id);
    else if (roll < 0.8 && mine.length > 2) {
      const [from, into] = [pick(mine), pick(mine)];
      if (from && into && from.id !== into.id) mergeTag(side.doc, side.actor, from.id, into.id);
    } else {
      const highlight = pick([...roots(side.doc).highlights.keys()]) as HighlightId | undefined;
      if (highlight) deleteHighlight(side.doc, side.actor, highlight);
    }
  }
}

describe('merging project files of projects that started apart (property)', () => {
  it(`is order-independent and idempotent for ${SEEDS} seeded random project pairs`, () => {
    let joinedTotal = 0;
    for (let seed = 1; seed <= SEEDS; seed += 1) {
      const a = sideProject(seed * 2, 1000);
      const b = sideProject(seed * 2 + 1, 3000);
      const random = seededRandom(seed + 10_000);
      editAtRandom(a, b.doc, random);
      editAtRandom(b, a.doc, random);
      const fileA = encodeProjectFile(a.doc);
      const fileB = encodeProjectFile(b.doc);

      const ab = copyOnClient(a.doc, 7001);
      const ba = copyOnClient(b.doc, 7002);
      const mergedAb = mergeProjectFile(ab, fileB, { actor: a.actor });
      const mergedBa = mergeProjectFile(ba, fileA, { actor: b.actor });
      if (!mergedAb.ok || !mergedBa.ok) throw new Error(`seed ${seed}: a merge was refused`);
      joinedTotal += mergedAb.joinedCodes.length;

      expect(comparable(ab), `seed ${seed}: merge(A,B) = merge(B,A)`).toBe(comparable(ba));
      expect(getProjectMeta(ab)).toMatchObject({ id: getProjectMeta(a.doc).id, name: getProjectMeta(a.doc).name });
      expect(getProjectMeta(ba)).toMatchObject({ id: getProjectMeta(b.doc).id, name: getProjectMeta(b.doc).name });

      const stateVector = Y.encodeStateVector(ab);
      const before = comparable(ab);
      expect(mergeProjectFile(ab, fileB, { actor: a.actor }).ok).toBe(true);
      expect(Y.encodeStateVector(ab), `seed ${seed}: merge(merge(A,B),B) state`).toEqual(stateVector);
      expect(comparable(ab), `seed ${seed}: merge(merge(A,B),B) = merge(A,B)`).toBe(before);

      const fromA = new Set(roots(a.doc).tags.keys());
      const live = liveTags(ab);
      const namesFromA = new Set(live.filter((tag) => fromA.has(tag.id)).map((tag) => codeNameKey(tag.name)));
      const alikeAcross = live.filter((tag) => !fromA.has(tag.id) && namesFromA.has(codeNameKey(tag.name)));
      expect(alikeAcross, `seed ${seed}: codes of B named like codes of A after the merge`).toEqual([]);
    }
    expect(joinedTotal).toBeGreaterThan(SEEDS);
  });
});
