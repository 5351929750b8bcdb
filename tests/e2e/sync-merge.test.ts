/**
 * End to end: offline merge between two teammates (two Chromium contexts) through the real
 * sync server. With the server stopped, both make conflicting edits — the same highlight
 * tagged differently, a tag renamed vs applied, a tag merged vs applied, the same note
 * edited, a highlight deleted vs its note edited — then the server comes back and both
 * converge on their own to identical canonical snapshots with nothing lost (docs/architecture.md §5).
 * The same edits exchanged as project files instead (the model's encode/merge that Save
 * project / Merge project… call) reach the same end state.
 *
 * Edits are made through the page's test hook, which calls the model's own write functions
 * on the page's doc (the UI calls the same ones), so each conflict is staged exactly.
 * Each test has two new teammates (fresh contexts) and a project of its own.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useApp } from '../helpers/app-page.ts';
import { startInProcessServer, type InProcessSyncServer } from '../helpers/sync-server.ts';
import { highlightInput, joinWithInvite, pageSnapshot, startTeammate, waitForPhase, type HookWindow } from './sync-support.ts';

const PHRASES = ['peacekeeping forces', 'military cooperation', 'geopolitical dynamics', 'energy projects', 'regional balance'] as const;

/** Chromium and the served renderer; connection errors are expected while the server is down, anything else is a bug. */
const app = useApp({ expectedErrors: /WebSocket connection to 'ws:\/\/127\.0\.0\.1/ });
let sync: InProcessSyncServer;
/** This test's teammates. */
let ana: Page;
let bo: Page;

/** Ids created in the baseline, shared by both teammates. */
interface Baseline {
  readonly tags: Record<'security' | 'economy' | 'energy' | 'borders', string>;
  readonly highlights: string[];
  readonly sharedNote: string;
  readonly doomedNote: string;
}

/** What each highlight looks like, independent of ids and times (to compare two runs). */
type Summary = Record<string, { tags: string[]; deleted: boolean; notes: string[] }>;

function summarise(snapshotJson: string): Summary {
  const snapshot = JSON.parse(snapshotJson) as {
    highlights: Array<{ quote: { exact: string }; deleted: unknown; tags: Array<{ tag: { name: string } }>; notes: Array<{ text: string; deleted: unknown }> }>;
  };
  const out: Summary = {};
  for (const highlight of snapshot.highlights) {
    out[highlight.quote.exact] = {
      tags: highlight.tags.map((applied) => applied.tag.name).sort(),
      deleted: highlight.deleted !== null,
      notes: highlight.notes.map((note) => `${note.text}${note.deleted === null ? '' : ' (trashed)'}`),
    };
  }
  return out;
}

async function makeBaseline(page: Page): Promise<Baseline> {
  const inputs = PHRASES.map((phrase) => highlightInput(phrase));
  return page.evaluate((highlightInputs) => {
    const hook = (window as unknown as HookWindow).__marginaliaTest;
    const tags = {
      security: hook.model.createTag('Security', '#d1495b'),
      economy: hook.model.createTag('Economy', '#00798c'),
      energy: hook.model.createTag('Energy', '#edae49'),
      borders: hook.model.createTag('Borders', '#6a4c93'),
    };
    const highlights = highlightInputs.map((input) => hook.model.addHighlight(input));
    const sharedNote = hook.model.addNote(highlights[1] as string, 'Shared note.');
    const doomedNote = hook.model.addNote(highlights[4] as string, 'Deleted vs edited.');
    return { tags, highlights, sharedNote, doomedNote };
  }, inputs);
}

/** A's side of the conflicts. */
function anaEdits(page: Page, base: Baseline): Promise<void> {
  return page.evaluate((b) => {
    const model = (window as unknown as HookWindow).__marginaliaTest.model;
    model.applyTag(b.highlights[0] as string, b.tags.security);
    model.updateTag(b.tags.energy, 'Energy policy');
    model.mergeTag(b.tags.borders, b.tags.security);
    model.editNote(b.sharedNote, 0, 0, 'A: ');
    model.deleteHighlight(b.highlights[4] as string);
  }, base);
}

/** B's side of the conflicts. */
function boEdits(page: Page, base: Baseline): Promise<void> {
  return page.evaluate((b) => {
    const model = (window as unknown as HookWindow).__marginaliaTest.model;
    model.applyTag(b.highlights[0] as string, b.tags.economy);
    model.applyTag(b.highlights[2] as string, b.tags.energy);
    model.applyTag(b.highlights[3] as string, b.tags.borders);
    model.editNote(b.sharedNote, 'Shared note.'.length, 0, ' B adds.');
    model.editNote(b.doomedNote, 'Deleted vs edited.'.length, 0, ' Edited by B.');
  }, base);
}

const EXPECTED: Summary = {
  'peacekeeping forces': { tags: ['Economy', 'Security'], deleted: false, notes: [] },
  'military cooperation': { tags: [], deleted: false, notes: ['A: Shared note. B adds.'] },
  'geopolitical dynamics': { tags: ['Energy policy'], deleted: false, notes: [] },
  'energy projects': { tags: ['Security'], deleted: false, notes: [] },
  'regional balance': { tags: [], deleted: true, notes: ['Deleted vs edited. Edited by B.'] },
};

async function joinBoth(link: string): Promise<void> {
  await joinWithInvite(ana, link);
  await joinWithInvite(bo, link);
  await waitForPhase(ana, 'synced');
  await waitForPhase(bo, 'synced');
}

async function baselineEverywhere(): Promise<Baseline> {
  const base = await makeBaseline(ana);
  const expected = await pageSnapshot(ana);
  await expect.poll(() => pageSnapshot(bo), { timeout: 10_000 }).toBe(expected);
  await waitForPhase(ana, 'synced');
  return base;
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
    const base = await baselineEverywhere();
    await sync.stop();
    await waitForPhase(ana, 'offline');
    await waitForPhase(bo, 'offline');
    await anaEdits(ana, base);
    await boEdits(bo, base);
    return base;
  }

  it('converges through the server after both edited offline, losing nothing', async () => {
    const base = await editOfflineInConflict('merge through sync');
    expect(await pageSnapshot(ana)).not.toBe(await pageSnapshot(bo));
    await sync.restart();
    await waitForPhase(ana, 'synced', 30_000);
    await waitForPhase(bo, 'synced', 30_000);
    const converged = await pageSnapshot(ana);
    await expect.poll(() => pageSnapshot(bo), { timeout: 10_000 }).toBe(converged);
    const syncedSummary = summarise(converged);
    expect(syncedSummary).toEqual(EXPECTED);
    // The merged tag reads as its target but remembers it was merged; the renamed one keeps its id.
    const tags = (JSON.parse(converged) as { tags: Array<{ id: string; name: string; mergedInto: string | null }> }).tags;
    expect(tags.find((tag) => tag.id === base.tags.borders)?.mergedInto).toBe(base.tags.security);
    expect(tags.find((tag) => tag.id === base.tags.energy)?.name).toBe('Energy policy');
  });

  it('reaches the same end state when the two exchange project files instead', async () => {
    const base = await editOfflineInConflict('merge through files');
    // Each saves a project file (encodeProjectFile, as "Save project" does) and merges the
    // other's (mergeProjectFile, as "Merge project…" does); the bytes travel through Node.
    const save = (page: Page) => page.evaluate(() => (window as unknown as HookWindow).__marginaliaTest.projectFile());
    const merge = (page: Page, bytes: number[]) => page.evaluate((file) => (window as unknown as HookWindow).__marginaliaTest.mergeProjectFile(file), bytes);
    const fromAna = await save(ana);
    const fromBo = await save(bo);
    await expect(merge(bo, fromAna)).resolves.toEqual({ ok: true });
    await expect(merge(ana, fromBo)).resolves.toEqual({ ok: true });
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
