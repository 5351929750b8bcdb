/**
 * The file flow over real docs: a file is described before anything changes (counts, from
 * whom, same-name codes), Cancel changes nothing, Merge merges with or without joining
 * same-name codes, a file already merged says nothing new comes in, and a refused file
 * says why and changes nothing.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { MemberId } from '#shared/model/ids.ts';
import { addHighlight, applyTag } from '#shared/model/highlights.ts';
import { createProject, setMember } from '#shared/model/project.ts';
import { encodeProjectFile } from '#shared/model/project-file.ts';
import { listTags } from '#shared/model/queries.ts';
import { createTag, updateTag } from '#shared/model/tags.ts';
import { createFileFlow, describeCounts, type FileProgress } from '../../../renderer/projects/file-flow.ts';
import { createFileJobs, inThreadTransport } from '../../../renderer/projects/file-jobs-client.ts';
import type { ProjectsController } from '../../../renderer/projects/projects-controller.ts';
import type { Notice } from '../../../renderer/store/ui-state.ts';

const ana = { member: 'memberAnaAAAAAAAAAAAAA' as MemberId };
const bo = { member: 'memberBoBBBBBBBBBBBBBBB' as MemberId };

function project(actor: { member: MemberId }, name: string, tag: string, start: number): Y.Doc {
  const doc = new Y.Doc();
  createProject(doc, actor, { name });
  setMember(doc, actor, { name, colour: '#d1495b' });
  const code = createTag(doc, actor, { name: tag });
  const highlight = addHighlight(doc, actor, { documentId: 'd', documentHash: 'h', position: { start, end: start + 4 }, quote: { exact: 'text', prefix: '', suffix: '' } });
  applyTag(doc, actor, highlight, code);
  return doc;
}

function flowFor(doc: Y.Doc) {
  const notices: Notice[] = [];
  const flow = createFileFlow({
    host: { session: { doc, flush: () => Promise.resolve() }, actor: () => bo, notify: (notice) => void (notice && notices.push(notice)) },
    dialogs: { saveFile: () => Promise.resolve(false), openFile: () => Promise.resolve(null) },
    projects: {} as ProjectsController,
    jobs: createFileJobs(inThreadTransport()),
  });
  const progress: FileProgress[] = [];
  flow.subscribe(() => {
    if (progress.at(-1) !== flow.getProgress()) progress.push(flow.getProgress());
  });
  return { flow, notices, progress };
}

describe('file flow', () => {
  it('says "opening", not "merging", while a file becomes a project of its own', async () => {
    const doc = project(bo, 'Bo', 'energy', 0);
    const stages: string[] = [];
    const flow = createFileFlow({
      host: { session: { doc, flush: () => Promise.resolve() }, actor: () => bo, notify: () => undefined },
      dialogs: { saveFile: () => Promise.resolve(false), openFile: () => Promise.resolve({ name: 'ana.marginalia', bytes: new Uint8Array([1]) }) },
      projects: {
        openFile: async (_bytes: Uint8Array, progress: { checked?: () => void; applying?: (applied: number, total: number) => void } = {}) => {
          progress.checked?.();
          progress.applying?.(1, 2);
          return { kind: 'opened', name: 'Ana' };
        },
      } as unknown as ProjectsController,
      jobs: createFileJobs(inThreadTransport()),
    });
    flow.subscribe(() => {
      const progress = flow.getProgress();
      if (progress !== null && stages.at(-1) !== progress.stage) stages.push(progress.stage);
    });
    await flow.pickAndOpen();
    expect(stages).toEqual(['checking', 'opening']);
    expect(flow.getProgress()).toBeNull();
  });

  it('asks with what comes in; Cancel changes nothing; Merge joins same-name codes', async () => {
    const mine = project(bo, 'Bo', 'energy', 10);
    const file = encodeProjectFile(project(ana, 'Ana', 'Energy', 0));
    const { flow, notices } = flowFor(mine);
    const before = Y.encodeStateAsUpdate(mine);
    await flow.offerMerge('ana.marginalia', file);
    expect(flow.getSnapshot()).toMatchObject({
      kind: 'merge',
      fileName: 'ana.marginalia',
      summary: { projectName: 'Ana', sameProject: false, highlights: 1, codes: 1, notes: 0, people: ['Ana'], sameNameCodes: [{ incoming: 'Energy', existing: 'energy' }] },
    });
    flow.cancel();
    expect(flow.getSnapshot()).toEqual({ kind: 'none' });
    expect(Y.encodeStateAsUpdate(mine)).toEqual(before);

    await flow.offerMerge('ana.marginalia', file);
    await flow.confirmMerge({ joinSameNameCodes: true });
    expect(notices.at(-1)).toEqual({ kind: 'info', text: 'Merged “ana.marginalia” into this project: 1 highlight, 1 code and 0 notes.' });
    expect(listTags(mine)).toHaveLength(1);

    await flow.offerMerge('ana.marginalia', file);
    expect(flow.getSnapshot()).toEqual({ kind: 'none' });
    expect(notices.at(-1)?.text).toBe('Nothing new in “ana.marginalia”: this project already holds everything in it.');
  });

  it('a file that only changes what is here (a renamed code) is still offered, not called "nothing new"', async () => {
    const mine = project(bo, 'Bo', 'energy', 10);
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(mine));
    const [node] = listTags(copy);
    if (node === undefined) throw new Error('the project has a code');
    updateTag(copy, bo, node.tag.id, { name: 'Energy security' });
    const { flow, notices } = flowFor(mine);
    await flow.offerMerge('bo-laptop.marginalia', encodeProjectFile(copy));
    expect(flow.getSnapshot()).toMatchObject({ kind: 'merge', summary: { sameProject: true, highlights: 0, codes: 0, notes: 0, changes: true } });
    await flow.confirmMerge({ joinSameNameCodes: true });
    expect(notices.at(-1)?.kind).toBe('info');
    expect(listTags(mine).map((node) => node.tag.name)).toEqual(['Energy security']);
  });

  it('names memos among what comes in only when a file brings some', () => {
    const counts = { highlights: 2, codes: 1, notes: 3 };
    expect(describeCounts(counts)).toBe('2 highlights, 1 code and 3 notes');
    expect(describeCounts({ ...counts, memos: 0 })).toBe('2 highlights, 1 code and 3 notes');
    expect(describeCounts({ ...counts, memos: 1 })).toBe('2 highlights, 1 code, 3 notes and 1 memo');
    expect(describeCounts({ highlights: 0, codes: 0, notes: 0, memos: 2 })).toBe('0 highlights, 0 codes, 0 notes and 2 memos');
    // Large counts read as the export dialog writes them.
    expect(describeCounts({ highlights: 10000, codes: 40, notes: 2500 })).toBe('10,000 highlights, 40 codes and 2,500 notes');
  });

  it('keeps same-name codes apart when asked to', async () => {
    const mine = project(bo, 'Bo', 'energy', 10);
    const { flow } = flowFor(mine);
    await flow.offerMerge('ana.marginalia', encodeProjectFile(project(ana, 'Ana', 'Energy', 0)));
    await flow.confirmMerge({ joinSameNameCodes: false });
    expect(listTags(mine)).toHaveLength(2);
  });

  it('refuses a damaged file with the reason and changes nothing', async () => {
    const mine = project(bo, 'Bo', 'energy', 10);
    const { flow, notices } = flowFor(mine);
    const before = Y.encodeStateAsUpdate(mine);
    const damaged = encodeProjectFile(project(ana, 'Ana', 'Energy', 0));
    damaged[20] = (damaged[20] ?? 0) ^ 0xff;
    await flow.offerMerge('damaged.marginalia', damaged);
    expect(flow.getSnapshot()).toEqual({ kind: 'none' });
    expect(notices.at(-1)).toMatchObject({ kind: 'error' });
    expect(notices.at(-1)?.text).toMatch(/^“damaged\.marginalia” was not merged: the project file is damaged.*Your project is unchanged\.$/);
    expect(Y.encodeStateAsUpdate(mine)).toEqual(before);
  });
});
