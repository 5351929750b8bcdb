/**
 * The project-file jobs: the worker's messages are read strictly (anything malformed is
 * dropped), a checked file is described and prepared as slices that, applied one by one,
 * give the open project exactly what one merge gives it, and a refused file says why.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { defaultDocumentsDir, readBundledDocuments } from '../../../electron/services/documents-fs.ts';
import { applyInSlices } from '#shared/model/apply-in-slices.ts';
import type { MemberId } from '#shared/model/ids.ts';
import { createProject, getProjectMeta, setMember } from '#shared/model/project.ts';
import { listTags } from '#shared/model/queries.ts';
import { encodeProjectFile, mergeProjectFile } from '#shared/model/project-file.ts';
import { createTag } from '#shared/model/tags.ts';
import { generateSampleProject } from '#shared/sample/sample-project.ts';
import { updateSlices } from '#shared/model/update-slices.ts';
import { createFileJobs, inThreadTransport, workerTransport } from '../../../renderer/projects/file-jobs-client.ts';
import { causalSlices } from '#shared/model/causal-slices.ts';
import { readJobReply, readJobRequest } from '../../../renderer/projects/file-jobs-protocol.ts';

const articles = (await readBundledDocuments(defaultDocumentsDir())).flatMap((result) =>
  result.ok ? [{ id: result.article.meta.id, text: result.article.text, hash: result.article.hash }] : []);
const bo = { member: 'memberBoBBBBBBBBBBBBBBB' as MemberId };
const content = (doc: Y.Doc): unknown => doc.toJSON();
const noPause = (): Promise<void> => Promise.resolve();

function boProject(): Y.Doc {
  const doc = new Y.Doc();
  createProject(doc, bo, { name: 'Bo' });
  setMember(doc, bo, { name: 'Bo', colour: '#d1495b' });
  createTag(doc, bo, { name: 'energy' });
  return doc;
}

describe('file job messages', () => {
  it('reads well-formed requests and replies and drops anything else', () => {
    const bytes = new Uint8Array([1, 2]);
    expect(readJobRequest({ kind: 'check', job: 1, bytes, live: null })).toEqual({ kind: 'check', job: 1, bytes, live: null });
    expect(readJobRequest({ kind: 'prepare', job: 2, member: null, join: true, sliceStructs: 100 })).toMatchObject({ kind: 'prepare', job: 2 });
    expect(readJobRequest({ kind: 'forget', job: 3 })).toEqual({ kind: 'forget', job: 3 });
    for (const bad of [null, 'check', { kind: 'check', job: -1, bytes, live: null }, { kind: 'check', job: 1, bytes: [1, 2], live: null },
      { kind: 'prepare', job: 1, member: 7, join: true, sliceStructs: 100 }, { kind: 'prepare', job: 1, member: null, join: true, sliceStructs: 0 },
      { kind: 'drop-tables', job: 1 }]) expect(readJobRequest(bad)).toBeNull();

    expect(readJobReply({ kind: 'refused', job: 1, error: 'why' })).toEqual({ kind: 'refused', job: 1, error: 'why' });
    expect(readJobReply({ kind: 'prepared', job: 1, slices: [bytes], joined: 0, texts: [['d-1', 'text']] })).toEqual({ kind: 'prepared', job: 1, slices: [bytes], joined: 0, texts: [['d-1', 'text']] });
    for (const bad of [{ kind: 'prepared', job: 1, slices: ['x'], joined: 0, texts: [] }, { kind: 'prepared', job: 1, slices: [bytes], joined: 0 }, { kind: 'prepared', job: 1, slices: [bytes], joined: 0, texts: [['d-1', 3]] }, { kind: 'prepared', job: 1, slices: [bytes], joined: 0, texts: [['d-1']] }, { kind: 'checked', job: 1, summary: { name: 'x' } }, { kind: 'refused', job: 1 }, { kind: 'checked', job: 'a' }]) {
      expect(readJobReply(bad)).toBeNull();
    }
    const summary = { name: 'P', members: ['Ana'], highlights: 2, codes: 1, notes: 0, lastChange: null };
    expect(readJobRequest({ kind: 'prepare', job: 2, member: null, join: false, sliceStructs: 100, whole: true })).toMatchObject({ whole: true });
    expect(readJobRequest({ kind: 'prepare', job: 2, member: null, join: false, sliceStructs: 100, whole: 'yes' })).toBeNull();
    expect(readJobReply({ kind: 'prepared', job: 1, slices: [bytes], joined: 0, texts: [], summary })).toMatchObject({ summary });
    expect(readJobReply({ kind: 'prepared', job: 1, slices: [bytes], joined: 0, texts: [], summary: { ...summary, highlights: -1 } })).toBeNull();
  });
});

describe('file jobs', () => {
  it('describes a file, then merges it slice by slice into what one merge gives', async () => {
    const { doc: sample } = generateSampleProject(articles, { highlights: 300, seed: 3 });
    const file = encodeProjectFile(sample);
    const live = boProject();
    const reference = boProject();
    Y.applyUpdate(reference, Y.encodeStateAsUpdate(live));
    const jobs = createFileJobs(inThreadTransport());
    const checked = await jobs.check(file, Y.encodeStateAsUpdate(live));
    if (!checked.ok) throw new Error(checked.error);
    expect(checked.job.summary).toMatchObject({ highlights: 300, sameProject: false, changes: true });
    const { slices, texts } = await checked.job.prepare({ member: bo.member, join: true });
    expect(texts).toEqual([]);
    expect(slices.length).toBeGreaterThan(1);
    const progress: number[] = [];
    await applyInSlices(live, slices, { origin: null, pause: noPause, onProgress: (applied) => progress.push(applied) });
    expect(progress.at(-1)).toBe(slices.length);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(live.store.pendingStructs).toBeNull();
    // The same as one merge (whose own writes are by another Yjs client, so compared by what a person sees).
    const merged = mergeProjectFile(reference, file, { actor: bo });
    if (!merged.ok) throw new Error(merged.error);
    const seen = (doc: Y.Doc) => ({ project: getProjectMeta(doc).name, highlights: doc.getMap('h').size, codes: listTags(doc).length });
    expect(seen(live)).toEqual(seen(reference));
    expect(seen(live).project).toBe('Bo');
  });

  it('gives the open project, slice by slice, what applying the same update at once gives it', () => {
    const { doc: sample } = generateSampleProject(articles, { highlights: 200, seed: 9 });
    const update = Y.encodeStateAsUpdate(sample);
    const whole = new Y.Doc();
    Y.applyUpdate(whole, update);
    const page = new Y.Doc();
    const slices = [...updateSlices(update, 500)];
    expect(slices.length).toBeGreaterThan(2);
    return applyInSlices(page, slices, { origin: null, pause: noPause }).then(() => {
      expect(content(page)).toEqual(content(whole));
      expect(Y.encodeStateVector(page)).toEqual(Y.encodeStateVector(whole));
    });
  });

  it('cuts an update into slices that never leave the receiving doc waiting, with the same result', async () => {
    const { doc: sample } = generateSampleProject(articles, { highlights: 200, seed: 9 });
    const update = Y.encodeStateAsUpdate(sample);
    const whole = new Y.Doc();
    Y.applyUpdate(whole, update);
    const slices = causalSlices(update, 500);
    expect(slices.length).toBeGreaterThan(2);
    const page = new Y.Doc();
    const waited: number[] = [];
    await applyInSlices(page, slices, { origin: null, pause: noPause, onProgress: (applied) => void (page.store.pendingStructs !== null && waited.push(applied)) });
    expect(waited).toEqual([]);
    expect(content(page)).toEqual(content(whole));
    expect(Y.encodeStateVector(page)).toEqual(Y.encodeStateVector(whole));
  });

  it('prepares a file checked against an empty project whole: its update in one piece, with the project\u2019s summary', async () => {
    const { doc: sample } = generateSampleProject(articles, { highlights: 40, seed: 2 });
    const jobs = createFileJobs(inThreadTransport());
    const checked = await jobs.check(encodeProjectFile(sample), null);
    if (!checked.ok) throw new Error(checked.error);
    const { slices, summary } = await checked.job.prepare({ member: null, join: false, whole: true });
    expect(slices).toHaveLength(1);
    const opened = new Y.Doc();
    Y.applyUpdate(opened, slices[0] as Uint8Array);
    expect(Y.encodeStateVector(opened)).toEqual(Y.encodeStateVector(sample));
    expect(summary).toMatchObject({ name: getProjectMeta(sample).name, highlights: 40 });
  });

  it('refuses a damaged file with the reason', async () => {
    const file = encodeProjectFile(boProject());
    file[20] = (file[20] ?? 0) ^ 0xff;
    await expect(createFileJobs(inThreadTransport()).check(file, null)).resolves.toEqual({ ok: false, error: expect.stringContaining('damaged') });
  });

  afterEach(() => void vi.unstubAllGlobals());

  it('answers on this thread when the worker cannot load, and ignores malformed replies', async () => {
    const posted: unknown[] = [];
    class BrokenWorker {
      onmessage: ((event: { data: unknown }) => void) | null = null;
      onerror: ((event: { preventDefault(): void }) => void) | null = null;
      postMessage(message: unknown): void {
        posted.push(message);
        // First a reply of the wrong shape for the same job, then the script fails.
        queueMicrotask(() => this.onmessage?.({ data: { kind: 'checked', job: (message as { job: number }).job, summary: { name: 'forged' } } }));
        queueMicrotask(() => this.onerror?.({ preventDefault: () => undefined }));
      }
      terminate(): void {}
    }
    vi.stubGlobal('Worker', BrokenWorker);
    const jobs = createFileJobs(workerTransport());
    const checked = await jobs.check(encodeProjectFile(boProject()), null);
    expect(posted).toHaveLength(1);
    expect(checked.ok && checked.job.summary).toMatchObject({ name: 'Bo', codes: 1 });
  });
});

describe('a project that changes between the check and Merge', () => {
  it('is merged with what it gained meanwhile: a project stamped after the check keeps its own name', async () => {
    const ana = { member: 'memberAnaAAAAAAAAAAAAAA' as MemberId };
    // The file's project writes with the higher Yjs client id, so a concurrent stamp of the
    // same keys would lose to it: only a merge prepared against the stamp keeps this name.
    const fileProject = new Y.Doc();
    fileProject.clientID = 4_000_000_000;
    createProject(fileProject, bo, { name: 'Bo' });
    createTag(fileProject, bo, { name: 'energy' });
    const open = new Y.Doc();
    open.clientID = 1;
    const jobs = createFileJobs(inThreadTransport());
    const checkedAt = Y.encodeStateVector(open);
    const checked = await jobs.check(encodeProjectFile(fileProject), Y.encodeStateAsUpdate(open));
    if (!checked.ok) throw new Error(checked.error);
    createProject(open, ana, { name: 'Research project' });
    const { slices } = await checked.job.prepare({ member: ana.member, join: false, catchUp: Y.encodeStateAsUpdate(open, checkedAt) });
    await applyInSlices(open, slices, { origin: null, pause: noPause });
    expect(getProjectMeta(open).name).toBe('Research project');
    expect(listTags(open)).toHaveLength(1);
  });
});
