/**
 * Convergence of the project model under random concurrent editing: 200 seeds by default
 * (`MARGINALIA_FUZZ_SEEDS=5000` for a soak, `MARGINALIA_FUZZ_SEED=N` for one seed; see
 * fuzz-seeds.ts), each a team of 2–5 members doing random operations with random delivery
 * order and offline periods. At the end every replica is identical (state vector and a
 * canonical snapshot of all queries) and every operation is accounted for per
 * docs/architecture.md §5. A failure names its seed and the command that reruns it alone.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { HighlightId, TagId } from '#shared/model/ids.ts';
import { MEMO, NOTE, roots } from '#shared/model/layout.ts';
import { getHighlight, listHighlights, listTags, listTrash } from '#shared/model/queries.ts';
import { buildTagIndex } from '#shared/model/tag-index.ts';
import { forEachSeed, fuzzSeeds, seedBatches } from './fuzz-seeds.ts';
import { createTeam, run, type Team } from './model-harness.ts';

/** Seeds per test: progress shows during a soak, and each batch gets its own time budget. */
const BATCH = 100;
/** Time budget per seed (about 0.1 s each on a quiet machine), generous for a loaded one. */
const MS_PER_SEED = 1_000;

function snapshot(doc: Y.Doc, team: Team): string {
  return JSON.stringify({
    documents: ['doc-0', 'doc-1', 'doc-2'].map((id) => listHighlights(doc, id)),
    tags: listTags(doc),
    trash: listTrash(doc),
    all: [...team.ledger.highlights].sort().map((id) => getHighlight(doc, id)),
  });
}

/** Checks that every recorded operation left its effect (§5), on one replica. */
function account(team: Team): void {
  const doc = team.members[0]!.doc;
  const { ledger } = team;
  const index = buildTagIndex(doc);
  for (const id of ledger.tags) expect(index.tags.has(id), `tag ${id} lost`).toBe(true);
  for (const [id, names] of ledger.names) expect(names.has(index.tags.get(id)!.name), `tag ${id} has a name nobody gave it`).toBe(true);

  for (const id of ledger.highlights) {
    const view = getHighlight(doc, id);
    expect(view, `highlight ${id} lost`).toBeDefined();
    if (!ledger.deletedHighlights.has(id)) expect(view!.deleted, `highlight ${id} trashed by nobody`).toBeNull();
    if (!ledger.restoredHighlights.has(id) && ledger.deletedHighlights.has(id)) expect(view!.deleted).not.toBeNull();
  }

  for (const [key, { highlight, tag }] of ledger.applied) {
    const value = roots(doc).highlights.get(highlight)!.get(tag) as number;
    if (!ledger.removed.has(key)) expect(value, `application ${key} lost without an untag`).toBeGreaterThan(0);
    if (value > 0) {
      const resolved = index.resolve(tag);
      const shown = getHighlight(doc, highlight as HighlightId)!.tags.map((t) => t.tag.id);
      if (index.tags.get(resolved)!.deleted === null) expect(shown, `tag ${tag}→${resolved} missing on ${highlight}`).toContain(resolved);
      else expect(shown).not.toContain(resolved);
    }
  }

  const texts = new Map<string, string>();
  roots(doc).notes.forEach((map, noteId) => {
    texts.set(noteId, (map.get(NOTE.text) as Y.Text).toString());
    (map.get(NOTE.replies) as Y.Map<Y.Map<unknown>>).forEach((reply, replyId) => {
      texts.set(replyId, (reply.get(NOTE.text) as Y.Text).toString());
    });
  });
  roots(doc).memos.forEach((map, memoId) => texts.set(memoId, (map.get(MEMO.text) as Y.Text).toString()));
  for (const [note, highlight] of ledger.notes) {
    expect(texts.has(note), `note ${note} lost`).toBe(true);
    expect(roots(doc).notes.get(note)!.get(NOTE.highlight)).toBe(highlight);
  }
  for (const reply of ledger.replies.keys()) expect(texts.has(reply), `reply ${reply} lost`).toBe(true);
  for (const [token, where] of ledger.tokens) {
    const text = texts.get(where) ?? '';
    if (ledger.deletedTokens.has(token)) expect(text).not.toContain(token);
    else expect(text, `edit ${token} lost from ${where}`).toContain(token);
  }
}

describe('model convergence (seeded multi-replica fuzz)', () => {
  const batches = seedBatches(fuzzSeeds(process.env), BATCH);
  it.each(batches.map((seeds) => ({ seeds, range: seeds.length === 1 ? `seed ${seeds[0]}` : `seeds ${seeds[0]}–${seeds.at(-1)}` })))(
    'converges and loses nothing over $range',
    ({ seeds }) => {
      let operations = 0;
      forEachSeed(seeds, (seed) => {
        const team = createTeam(seed, 2 + (seed % 4));
        run(team, 120);
        operations += team.ledger.operations;
        const [first, ...others] = team.members;
        const vector = Y.encodeStateVector(first!.doc);
        const expected = snapshot(first!.doc, team);
        for (const other of others) {
          expect(Y.encodeStateVector(other.doc), 'state vectors differ').toEqual(vector);
          expect(snapshot(other.doc, team), 'snapshots differ').toBe(expected);
        }
        account(team);
      });
      expect(operations).toBeGreaterThan(seeds.length * 40);
    },
    BATCH * MS_PER_SEED,
  );
});
