/**
 * End to end: a document added by one teammate travels to the other through the team's
 * sync server, and leaves in the exports and in a project file. Two teammates (two
 * Chromium contexts, separate IndexedDB) join one project on a real sync server on
 * 127.0.0.1. Ana adds a text file through "Add documents…" and the real file chooser; Bo
 * sees its card appear live, its text downloaded through the server, and opens it; both
 * highlight a passage with a mouse drag and code it by its number key, and each sees the
 * other's highlight. Ana exports CSV, Web Annotation (JSON-LD) and REFI-QDA (.qdpx) through
 * the Export dialog (real downloads) and every export includes the document; Ana saves the
 * project file (a download) and a fresh person opens it through the real file chooser and
 * reads the document. Everything is done by hand; results are read from the screen.
 * Screenshot: tests/e2e/screenshots/added-team-library.png.
 */
import { readFile } from 'node:fs/promises';
import { unzipSync, strFromU8 } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { saveScreenshot } from '../helpers/browser.ts';
import { useApp } from '../helpers/app-page.ts';
import { startInProcessServer, type InProcessSyncServer } from '../helpers/sync-server.ts';
import { addTagInCodebook, closePanel, completeFirstRun, dragSelect, openPanel, saveProjectFile } from './annotate-support.ts';
import { joinWithInvite, startTeammate, waitForPhase } from './sync-support.ts';

const TITLE = 'Interview with a Kura farmer';
const NOTES = [
  TITLE,
  'We talked about irrigation schedules and the price of seed.',
  'She said the water rights along the river decide every harvest.',
  'Her cooperative shares one pump between eleven families.',
].join('\n');
const ANA_PHRASE = 'water rights along the river';
const BO_PHRASE = 'one pump between eleven families';

/**
 * Expected errors: websocket reconnects, and the 404 Bo's page logs when it asks for the
 * text before Ana's upload has landed (the card then says so and tries again).
 */
const app = useApp({ expectedErrors: /WebSocket connection to 'ws:\/\/127\.0\.0\.1|status of 404 \(Not Found\)/ });
let sync: InProcessSyncServer;

beforeAll(async () => {
  sync = await startInProcessServer();
});
afterAll(async () => {
  await sync?.dispose();
});

function card(page: Page, title: string) {
  return page.getByTestId('added-document').filter({ has: page.locator('.library-card__title', { hasText: title }) });
}

async function toLibrary(page: Page): Promise<void> {
  await page.locator('.library-nav').getByRole('link', { name: 'Library' }).click();
  await page.getByRole('heading', { name: 'Library', level: 1 }).waitFor();
}

/** The number key of `code` as the Codebook shows it. */
async function keyOf(page: Page, code: string): Promise<string> {
  await openPanel(page, 'Codebook');
  const row = page.locator(`.codebook__row[data-tag-name="${code}"]`);
  await row.waitFor();
  const key = ((await row.locator('.codebook__key').textContent()) ?? '').trim();
  await closePanel(page);
  return key;
}

/** Selects `phrase` with a mouse drag and presses the code's number key; waits for the mark. */
async function codeByKey(page: Page, phrase: string, key: string): Promise<void> {
  await dragSelect(page, phrase);
  await page.keyboard.press(key);
  await page.locator('mark.hl').filter({ hasText: phrase }).first().waitFor();
}

/** Exports through the Export dialog in `format` (its radio's name); returns the downloaded bytes. */
async function exportAs(page: Page, radio: RegExp, action: string): Promise<Buffer> {
  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByTestId('export-dialog');
  await dialog.getByRole('radio', { name: radio }).click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: action, exact: true }).click()]);
  await dialog.waitFor({ state: 'detached' });
  return readFile(await download.path());
}

/** The `target.source` of each annotation whose quote is one of `phrases`, in their order. */
function annotationsQuoting(jsonld: unknown, phrases: readonly string[]): string[] {
  const found = new Map<string, string>();
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (typeof value !== 'object' || value === null) return;
    const target = (value as { target?: { source?: unknown } }).target;
    const text = JSON.stringify(target ?? null);
    for (const phrase of phrases) if (typeof target?.source === 'string' && text.includes(phrase)) found.set(phrase, target.source);
    Object.values(value).forEach(visit);
  };
  visit(jsonld);
  return phrases.map((phrase) => found.get(phrase) ?? `no annotation quotes ${phrase}`);
}

describe('added documents in a team', () => {
  it('travel from one teammate to the other, into the exports and through a project file', async () => {
    const invite = sync.createProject('documents e2e');
    const ana = await app.newPage('Ana');
    const bo = await app.newPage('Bo');
    await startTeammate(ana, app.url, 'Ana Aliyeva');
    await startTeammate(bo, app.url, 'Bo Petrosyan');
    await joinWithInvite(ana, invite.link);
    await joinWithInvite(bo, invite.link);
    await waitForPhase(ana, 'synced');
    await waitForPhase(bo, 'synced');
    await toLibrary(bo);

    // Ana adds the file through the real file chooser.
    await toLibrary(ana);
    await openPanel(ana, 'Codebook');
    await addTagInCodebook(ana, 'Water');
    await closePanel(ana);
    const [chooser] = await Promise.all([ana.waitForEvent('filechooser'), ana.getByRole('button', { name: 'Add documents…' }).click()]);
    await chooser.setFiles([{ name: 'kura-interview.txt', mimeType: 'text/plain', buffer: Buffer.from(NOTES) }]);
    await card(ana, TITLE).getByRole('link').waitFor();
    const documentId = await card(ana, TITLE).getAttribute('data-document-id');
    expect(documentId).toMatch(/\S/);

    // Bo's card appears live and becomes readable by itself: its text came through the server.
    const boCard = card(bo, TITLE);
    await boCard.getByRole('link').waitFor({ timeout: 20_000 });
    await expect(boCard.locator('.library-card__added-by').textContent()).resolves.toBe('Ana Aliyeva');
    await boCard.scrollIntoViewIfNeeded();
    await saveScreenshot(bo, 'added-team-library');
    await boCard.getByRole('link').click();
    await bo.locator('.top-bar__title', { hasText: TITLE }).waitFor();
    // The article's text follows its pane a frame later.
    await bo.locator('.reader .reader-document').waitFor();
    await expect(bo.locator('.reader').textContent()).resolves.toContain('Her cooperative shares one pump');

    // Both code a passage by key; each sees the other's highlight.
    const boKey = await keyOf(bo, 'Water');
    await codeByKey(bo, BO_PHRASE, boKey);
    await card(ana, TITLE).getByRole('link').click();
    await ana.locator('.top-bar__title', { hasText: TITLE }).waitFor();
    // The article's text follows its pane a frame later.
    await ana.locator('.reader .reader-document').waitFor();
    const anaKey = await keyOf(ana, 'Water');
    await codeByKey(ana, ANA_PHRASE, anaKey);
    await ana.locator('mark.hl').filter({ hasText: BO_PHRASE }).first().waitFor({ timeout: 20_000 });
    await bo.locator('mark.hl').filter({ hasText: ANA_PHRASE }).first().waitFor({ timeout: 20_000 });

    // Ana's exports include the added document.
    const csv = (await exportAs(ana, /^CSV/, 'Export CSV…')).toString('utf8');
    const rows = csv.split(/\r?\n/).filter((line) => line.includes(TITLE));
    expect(rows.length).toBe(2);
    expect(rows.some((row) => row.includes(ANA_PHRASE))).toBe(true);
    expect(rows.some((row) => row.includes(BO_PHRASE))).toBe(true);
    const jsonld = JSON.parse((await exportAs(ana, /^Web Annotation/, 'Export Web Annotation…')).toString('utf8')) as unknown;
    const iri = `urn:marginalia:document:${encodeURIComponent(documentId ?? '')}`;
    const targets = annotationsQuoting(jsonld, [ANA_PHRASE, BO_PHRASE]);
    expect(targets).toEqual([iri, iri]);
    const qdpx = unzipSync(new Uint8Array(await exportAs(ana, /^REFI-QDA project/, 'Export REFI-QDA project…')));
    const qde = strFromU8(qdpx['project.qde'] as Uint8Array);
    const source = [...qde.matchAll(/<TextSource[^>]*name="([^"]*)"[^>]*plainTextPath="internal:\/\/([^"]+)"/g)].find((match) => match[1] === TITLE);
    expect(source?.[1]).toBe(TITLE);
    expect(strFromU8(qdpx[`sources/${source?.[2] ?? ''}`] ?? new Uint8Array())).toContain('Her cooperative shares one pump between eleven families.');

    // Ana saves the project file; a fresh person opens it and reads the document.
    await toLibrary(ana);
    const file = await saveProjectFile(ana);
    await expect.poll(async () => (await ana.getByTestId('notice').textContent()) ?? '').toContain('Project saved');
    const leyla = await app.newPage('Leyla');
    await leyla.goto(`${app.url}#/`);
    await completeFirstRun(leyla, 'Leyla');
    await leyla.getByTestId('project-switcher').click();
    const projects = leyla.locator('dialog[data-testid="projects-dialog"][open]');
    const [opener] = await Promise.all([leyla.waitForEvent('filechooser'), projects.getByRole('button', { name: 'Open project file…' }).click()]);
    await Promise.all([leyla.waitForEvent('load'), opener.setFiles({ name: 'documents.marginalia', mimeType: 'application/octet-stream', buffer: file })]);
    await leyla.locator('.project-menu').waitFor();
    await leyla.goto(`${app.url}#/`);
    const leylaCard = card(leyla, TITLE);
    await leylaCard.getByRole('link').click();
    await leyla.locator('.top-bar__title', { hasText: TITLE }).waitFor();
    // The article's text follows its pane a frame later.
    await leyla.locator('.reader .reader-document').waitFor();
    await expect(leyla.locator('.reader').textContent()).resolves.toContain('Her cooperative shares one pump');
    await leyla.locator('mark.hl').filter({ hasText: ANA_PHRASE }).first().waitFor();
    await leyla.locator('mark.hl').filter({ hasText: BO_PHRASE }).first().waitFor();
  });
});
