/**
 * End to end: offline merge between two teammates (two Chromium contexts) through the real
 * sync server. With the server stopped, both make conflicting edits — the same highlight
 * coded differently, a code renamed vs applied, a code merged vs applied, the same note
 * answered by both (and edited by its author), a highlight deleted vs its note edited by
 * that note's author — then the server comes back and both converge on their own to
 * identical canonical snapshots with nothing lost (docs/architecture.md §5). The same edits
 * exchanged as project files instead (Save project / Merge project file…) reach the same
 * end state.
 *
 * Every edit is made by hand, as a person makes it: mouse drags and the toolbar, clicks on a
 * highlight and its popover, the Codebook panel, typing into the margin. The page's test
 * hook only reads (the canonical snapshot, the sync phase). Only a note's author edits it,
 * so where two people meet on one note they both reply to it while its author edits it.
 * Each test has two new teammates (fresh contexts) and a project of its own.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useApp } from '../helpers/app-page.ts';
import { startInProcessServer, type InProcessSyncServer } from '../helpers/sync-server.ts';
import { addTagInCodebook, closePanel, highlightPhrase, mergeProjectFileBytes, openPanel, saveProjectFile } from './annotate-support.ts';
import { codeHighlight, deleteHighlight, joinWithInvite, pageSnapshot, replyToNote, startTeammate, typeIntoOwnNote, waitForPhase, writeNote } from './sync-support.ts';

const PHRASES = ['peacekeeping forces', 'military cooperation', 'geopolitical dynamics', 'energy projects', 'regional balance'] as const;
const [CODED_BY_BOTH, SHARED_NOTE, RENAMED_VS_APPLIED, MERGED_VS_APPLIED, DELETED_VS_EDITED] = PHRASES;

/** Chromium and the served renderer; connection errors are expected while the server is down, anything else is a bug. */
const app = useApp({ expectedErrors: /WebSocket connection to 'ws:\/\/127\.0\.0\.1/ });
let sync: InProcessSyncServer;
/** This test's teammates. */
let ana: Page;
let bo: Page;

/** The codebook's ids, read from the converged baseline (to follow the renamed and the merged code). */
type TagIds = Record<string, string>;

/** What each highlight looks like, independent of ids and times (to compare two runs). */
type Summary = Record<string, { tags: string[]; deleted: boolean; notes: string[]; replies: string[] }>;

interface SnapshotShape {
  highlights: Array<{
    quote: { exact: string };
    deleted: unknown;
    tags: Array<{ tag: { name: string } }>;
    notes: Array<{ text: string; deleted: unknown; replies: Array<{ text: string }> }>;
  }>;
  tags: Array<{ id: string; name: string; mergedInto: string | null }>;
}

function summarise(snapshotJson: string): Summary {
  const snapshot = JSON.parse(snapshotJson) as SnapshotShape;
  const out: Summary = {};
  for (const highlight of snapshot.highlights) {
    out[highlight.quote.exact] = {
      tags: highlight.tags.map((applied) => applied.tag.name).sort(),
      deleted: highlight.deleted !== null,
      notes: highlight.notes.map((note) => `${note.text}${note.deleted === null ? '' : ' (trashed)'}`),
      replies: highlight.notes.flatMap((note) => note.replies.map((reply) => reply.text)).sort(),
    };
  }
  return out;
}

/** The baseline both agree on: A's codebook, four highlights and a note; B's highlight with B's note. */
async function makeBaseline(): Promise<void> {
  await openPanel(ana, 'Codebook');
  for (const name of ['Security', 'Economy', 'Energy', 'Borders']) await addTagInCodebook(ana, name);
  await closePanel(ana);
  for (const phrase of PHRASES.slice(0, 4)) await highlightPhrase(ana, phrase);
  await writeNote(ana, SHARED_NOTE, 'Shared note.');
  await highlightPhrase(bo, DELETED_VS_EDITED);
  await writeNote(bo, DELETED_VS_EDITED, 'Deleted vs edited.');
}

/** The row of the code `name` in the open codebook. */
function codebookRow(page: Page, name: string) {
  return page.locator(`.codebook__row[data-tag-name="${name}"]`);
}

/** A's side of the conflicts, by hand. */
async function anaEdits(): Promise<void> {
  await codeHighlight(ana, CODED_BY_BOTH, 'Security');
  await openPanel(ana, 'Codebook');
  await codebookRow(ana, 'Energy').getByRole('button', { name: 'Edit' }).click();
  await ana.getByTestId('tag-edit-name').fill('Energy policy');
  await ana.getByRole('button', { name: 'Save', exact: true }).click();
  await codebookRow(ana, 'Energy policy').waitFor();
  await codebookRow(ana, 'Borders').getByRole('button', { name: 'Merge' }).click();
  await ana.getByTestId('merge-into').selectOption({ label: 'Security' });
  await ana.getByRole('form', { name: 'Merge Borders' }).getByRole('button', { name: 'Merge' }).click();
  await expect.poll(async () => (JSON.parse(await pageSnapshot(ana)) as SnapshotShape).tags.find((tag) => tag.name === 'Borders')?.mergedInto ?? null).not.toBeNull();
  await closePanel(ana);
  // Her own note: she puts "A: " in front of it, and answers it in the thread too.
  await typeIntoOwnNote(ana, SHARED_NOTE, 'start', 'A: ');
  await replyToNote(ana, SHARED_NOTE, 'A replies.');
  // B's highlight (with B's note) goes to the trash.
  await deleteHighlight(ana, DELETED_VS_EDITED);
}

/** B's side of the conflicts, by hand. */
async function boEdits(): Promise<void> {
  await codeHighlight(bo, CODED_BY_BOTH, 'Economy');
  await codeHighlight(bo, RENAMED_VS_APPLIED, 'Energy');
  await codeHighlight(bo, MERGED_VS_APPLIED, 'Borders');
  // A teammate cannot edit A's note (only its author can): B replies to it instead.
  await replyToNote(bo, SHARED_NOTE, 'B replies.');
  // B's own note, on the highlight A is deleting meanwhile.
  await typeIntoOwnNote(bo, DELETED_VS_EDITED, 'end', ' Edited by B.');
}

const EXPECTED: Summary = {
  'peacekeeping forces': { tags: ['Economy', 'Security'], deleted: false, notes: [], replies: [] },
  'military cooperation': { tags: [], deleted: false, notes: ['A: Shared note.'], replies: ['A replies.', 'B replies.'] },
  'geopolitical dynamics': { tags: ['Energy policy'], deleted: false, notes: [], replies: [] },
  'energy projects': { tags: ['Security'], deleted: false, notes: [], replies: [] },
  'regional balance': { tags: [], deleted: true, notes: ['Deleted vs edited. Edited by B.'], replies: [] },
};

async function joinBoth(link: string): Promise<void> {
  await joinWithInvite(ana, link);
  await joinWithInvite(bo, link);
  await waitForPhase(ana, 'synced');
  await waitForPhase(bo, 'synced');
}

/** Makes the baseline and waits until both hold it; returns the codebook's ids by name. */
async function baselineEverywhere(): Promise<TagIds> {
  await makeBaseline();
  await waitForPhase(ana, 'synced');
  await waitForPhase(bo, 'synced');
  const expected = await pageSnapshot(bo);
  await expect.poll(() => pageSnapshot(ana), { timeout: 10_000 }).toBe(expected);
  await expect.poll(() => pageSnapshot(bo), { timeout: 10_000 }).toBe(await pageSnapshot(ana));
  const tags = (JSON.parse(expected) as SnapshotShape).tags;
  return Object.fromEntries(tags.map((tag) => [tag.name, tag.id]));
}

beforeAll(async () => {
  sync = await startInProcessServer();
});
beforeEach(async () => {
  ana = await app.newPage('Ana');
  bo = await app.newPage('Bo');
  await startTeammate(ana, app.url, 'Ana');
  await startTeammate(bo, app.url, 'Bo');
});
afterAll(async () => {
  await sync?.dispose();
});

describe('offline merge of conflicting edits', () => {
  /** Both join a new project, agree on a baseline, lose the server, and edit in conflict. */
  async function editOfflineInConflict(projectName: string) {
    await joinBoth(sync.createProject(projectName).link);
    const ids = await baselineEverywhere();
    await sync.stop();
    await waitForPhase(ana, 'offline');
    await waitForPhase(bo, 'offline');
    await anaEdits();
    await boEdits();
    return ids;
  }

  it('converges through the server after both edited offline, losing nothing', async () => {
    const ids = await editOfflineInConflict('merge through sync');
    expect(await pageSnapshot(ana)).not.toBe(await pageSnapshot(bo));
    await sync.restart();
    await waitForPhase(ana, 'synced', 30_000);
    await waitForPhase(bo, 'synced', 30_000);
    const converged = await pageSnapshot(ana);
    await expect.poll(() => pageSnapshot(bo), { timeout: 10_000 }).toBe(converged);
    const syncedSummary = summarise(converged);
    expect(syncedSummary).toEqual(EXPECTED);
    // The merged tag reads as its target but remembers it was merged; the renamed one keeps its id.
    const tags = (JSON.parse(converged) as SnapshotShape).tags;
    expect(tags.find((tag) => tag.id === ids.Borders)?.mergedInto).toBe(ids.Security);
    expect(tags.find((tag) => tag.id === ids.Energy)?.name).toBe('Energy policy');
  });

  it('reaches the same end state when the two exchange project files instead', async () => {
    await editOfflineInConflict('merge through files');
    // Each clicks "Save project" and merges the other's file through "Merge project file…"
    // (the file travels through Node, as it would by mail).
    const fromAna = await saveProjectFile(ana);
    const fromBo = await saveProjectFile(bo);
    await mergeProjectFileBytes(bo, 'ana.marginalia', fromAna);
    await mergeProjectFileBytes(ana, 'bo.marginalia', fromBo);
    await expect(ana.getByTestId('notice').filter({ hasText: 'bo.marginalia' }).textContent()).resolves.toContain('Merged');
    await expect(bo.getByTestId('notice').filter({ hasText: 'ana.marginalia' }).textContent()).resolves.toContain('Merged');
    const merged = await pageSnapshot(ana);
    expect(await pageSnapshot(bo)).toBe(merged);
    // The end state the sync test reaches (and checks against EXPECTED).
    expect(summarise(merged)).toEqual(EXPECTED);
    // And the server, when it returns, agrees with both.
    await sync.restart();
    await waitForPhase(ana, 'synced', 30_000);
    await waitForPhase(bo, 'synced', 30_000);
    expect(await pageSnapshot(bo)).toBe(await pageSnapshot(ana));
  });
});
