/**
 * Merging project files from projects that started apart (docs/architecture.md §5): the
 * receiving project keeps its own id and name, same-name codes (case-, accent- and
 * Turkish-i-insensitive) are joined into the code with the smaller id, merging the same
 * file twice changes nothing, and what a file would bring is described before merging.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { canonicalSnapshotJson } from '#shared/model/canonical-snapshot.ts';
import { addHighlight, applyTag, deleteHighlight } from '#shared/model/highlights.ts';
import type { TagId } from '#shared/model/ids.ts';
import { addNote, addReply } from '#shared/model/notes.ts';
import { importOrigin } from '#shared/model/origins.ts';
import { createProject, getProjectMeta, setMember } from '#shared/model/project.ts';
import { encodeProjectFile } from '#shared/model/project-file.ts';
import { describeProjectFile, mergeProjectFile } from '#shared/model/project-merge.ts';
import { listHighlights, listTags } from '#shared/model/queries.ts';
import { buildTagIndex } from '#shared/model/tag-index.ts';
import { createTag, updateTag } from '#shared/model/tags.ts';
import { createUndoManager } from '#shared/model/undo.ts';
import { replica, syncAll, type Replica } from '../../helpers/replicas.ts';

const QUOTE = { exact: 'text', prefix: '', suffix: '' };

function highlight(person: Replica, start: number) {
  return addHighlight(person.doc, person.actor, { documentId: 'd', documentHash: 'h', position: { start, end: start + 4 }, quote: QUOTE });
}

/** Two people who each installed Marginalia and started coding on their own. */
function startedApart() {
  const leyla = replica('leyla', 11);
  const tomas = replica('tomas', 12);
  createProject(leyla.doc, leyla.actor, { name: 'Leyla’s reading' });
  createProject(tomas.doc, tomas.actor, { name: 'Tomas’s reading' });
  setMember(leyla.doc, leyla.actor, { name: 'Leyla', colour: '#d1495b' });
  setMember(tomas.doc, tomas.actor, { name: 'Tomas', colour: '#00798c' });
  const leylaIran = createTag(leyla.doc, leyla.actor, { name: 'İran' });
  const leylaSecurity = createTag(leyla.doc, leyla.actor, { name: 'Güvenlik' });
  createTag(leyla.doc, leyla.actor, { name: 'Energy' });
  const tomasIran = createTag(tomas.doc, tomas.actor, { name: 'iran' });
  const tomasSecurity = createTag(tomas.doc, tomas.actor, { name: 'guvenlik' });
  createTag(tomas.doc, tomas.actor, { name: 'Transit' });
  const leylaHighlight = highlight(leyla, 0);
  applyTag(leyla.doc, leyla.actor, leylaHighlight, leylaIran);
  const tomasHighlight = highlight(tomas, 10);
  applyTag(tomas.doc, tomas.actor, tomasHighlight, tomasIran);
  applyTag(tomas.doc, tomas.actor, tomasHighlight, tomasSecurity);
  const note = addNote(tomas.doc, tomas.actor, tomasHighlight, 'a note');
  addReply(tomas.doc, tomas.actor, note, 'a reply');
  return { leyla, tomas, leylaIran, leylaSecurity, tomasIran, tomasSecurity, leylaHighlight, tomasHighlight };
}

function smaller(a: TagId, b: TagId): TagId {
  return a < b ? a : b;
}

describe('describeProjectFile', () => {
  it('says what a file from a project that started apart would bring, without touching the doc', () => {
    const { leyla, tomas, leylaIran, leylaSecurity, tomasIran, tomasSecurity } = startedApart();
    const before = Y.encodeStateAsUpdate(leyla.doc);
    const result = describeProjectFile(leyla.doc, encodeProjectFile(tomas.doc));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.summary).toMatchObject({
      projectId: getProjectMeta(tomas.doc).id,
      name: 'Tomas’s reading',
      sameProject: false,
      highlights: 1,
      codes: 3,
      notes: 2,
    });
    expect(result.summary.people.map((person) => person.name)).toEqual(['Tomas']);
    expect(result.summary.sameNameCodes).toEqual([
      { incoming: { id: tomasIran, name: 'iran' }, existing: { id: leylaIran, name: 'İran' } },
      { incoming: { id: tomasSecurity, name: 'guvenlik' }, existing: { id: leylaSecurity, name: 'Güvenlik' } },
    ].sort((a, b) => (a.incoming.id < b.incoming.id ? -1 : 1)));
    expect(Y.encodeStateAsUpdate(leyla.doc)).toEqual(before);
  });

  it('counts only what the doc does not hold yet: a file already merged brings nothing', () => {
    const { leyla, tomas } = startedApart();
    const file = encodeProjectFile(tomas.doc);
    expect(mergeProjectFile(leyla.doc, file, { actor: leyla.actor }).ok).toBe(true);
    const again = describeProjectFile(leyla.doc, file);
    expect(again).toMatchObject({ ok: true, summary: { highlights: 0, codes: 0, notes: 0, people: [], sameNameCodes: [] } });
  });

  it('refuses what is not a project file, with the reason', () => {
    const { leyla } = startedApart();
    expect(describeProjectFile(leyla.doc, new TextEncoder().encode('hello'))).toEqual({ ok: false, error: 'not a Marginalia project file' });
  });
});

describe('mergeProjectFile across projects', () => {
  it('merges a file from a project that started apart: everything arrives, the doc keeps its id and name', () => {
    const { leyla, tomas, tomasHighlight } = startedApart();
    const own = getProjectMeta(leyla.doc);
    const result = mergeProjectFile(leyla.doc, encodeProjectFile(tomas.doc), { actor: leyla.actor });
    expect(result).toMatchObject({ ok: true, summary: { sameProject: false, highlights: 1, codes: 3, notes: 2 } });
    const meta = getProjectMeta(leyla.doc);
    expect(meta.id).toBe(own.id);
    expect(meta.name).toBe('Leyla’s reading');
    expect(listHighlights(leyla.doc, 'd').map((view) => view.id)).toContain(tomasHighlight);
    expect(listHighlights(leyla.doc, 'd')).toHaveLength(2);
  });

  it('keeps the id and name whichever Yjs client would win the meta fields', () => {
    // Client ids decide concurrent map writes; try both orders.
    for (const [first, second] of [[5, 900], [900, 5]] as const) {
      const ana = replica('ana', first);
      const bo = replica('bo', second);
      const anaId = createProject(ana.doc, ana.actor, { name: 'Ana' });
      createProject(bo.doc, bo.actor, { name: 'Bo' });
      expect(mergeProjectFile(ana.doc, encodeProjectFile(bo.doc), { actor: ana.actor }).ok).toBe(true);
      expect(getProjectMeta(ana.doc)).toMatchObject({ id: anaId, name: 'Ana' });
    }
  });

  it('joins same-name codes (case, accents, Turkish i) into the smaller id, the same whichever side merges', () => {
    const { leyla, tomas, leylaIran, leylaSecurity, tomasIran, tomasSecurity, leylaHighlight, tomasHighlight } = startedApart();
    const leylaFile = encodeProjectFile(leyla.doc);
    const tomasFile = encodeProjectFile(tomas.doc);
    const atLeyla = mergeProjectFile(leyla.doc, tomasFile, { actor: leyla.actor });
    const atTomas = mergeProjectFile(tomas.doc, leylaFile, { actor: tomas.actor });
    expect(atLeyla.ok && atTomas.ok).toBe(true);
    for (const doc of [leyla.doc, tomas.doc]) {
      const index = buildTagIndex(doc);
      const iran = smaller(leylaIran, tomasIran);
      const security = smaller(leylaSecurity, tomasSecurity);
      expect(index.resolve(leylaIran)).toBe(iran);
      expect(index.resolve(tomasIran)).toBe(iran);
      expect(index.resolve(leylaSecurity)).toBe(security);
      expect(index.resolve(tomasSecurity)).toBe(security);
      expect(listTags(doc).map((node) => node.tag.name).sort()).toHaveLength(4);
      const views = listHighlights(doc, 'd');
      expect(views.find((view) => view.id === leylaHighlight)?.tags.map((applied) => applied.tag.id)).toEqual([iran]);
      expect(views.find((view) => view.id === tomasHighlight)?.tags.map((applied) => applied.tag.id).sort()).toEqual([iran, security].sort());
    }
    expect(canonicalSnapshotJson(leyla.doc)).toEqual(canonicalSnapshotJson(tomas.doc));
  });

  it('a later rename of the surviving code reaches both sides', () => {
    const { leyla, tomas, leylaIran, tomasIran, tomasHighlight } = startedApart();
    mergeProjectFile(leyla.doc, encodeProjectFile(tomas.doc), { actor: leyla.actor });
    mergeProjectFile(tomas.doc, encodeProjectFile(leyla.doc), { actor: tomas.actor });
    const survivor = smaller(leylaIran, tomasIran);
    updateTag(tomas.doc, tomas.actor, survivor, { name: 'Iran (policy)' });
    syncAll(leyla.doc, tomas.doc);
    for (const doc of [leyla.doc, tomas.doc]) {
      const names = listHighlights(doc, 'd').find((view) => view.id === tomasHighlight)?.tags.map((applied) => applied.tag.name);
      expect(names).toContain('Iran (policy)');
    }
    expect(canonicalSnapshotJson(leyla.doc)).toEqual(canonicalSnapshotJson(tomas.doc));
  });

  it('leaves same-name codes apart when asked not to join them', () => {
    const { leyla, tomas, leylaIran, tomasIran } = startedApart();
    const result = mergeProjectFile(leyla.doc, encodeProjectFile(tomas.doc), { actor: leyla.actor, mergeSameNameCodes: false });
    expect(result).toMatchObject({ ok: true, joinedCodes: [] });
    const index = buildTagIndex(leyla.doc);
    expect(index.isLive(leylaIran) && index.isLive(tomasIran)).toBe(true);
  });

  it('merging the same file twice changes nothing: same state vector, same snapshot', () => {
    const { leyla, tomas } = startedApart();
    const file = encodeProjectFile(tomas.doc);
    mergeProjectFile(leyla.doc, file, { actor: leyla.actor });
    const stateVector = Y.encodeStateVector(leyla.doc);
    const snapshot = canonicalSnapshotJson(leyla.doc);
    const result = mergeProjectFile(leyla.doc, file, { actor: leyla.actor });
    expect(result).toMatchObject({ ok: true, joinedCodes: [], summary: { highlights: 0, codes: 0, notes: 0 } });
    expect(Y.encodeStateVector(leyla.doc)).toEqual(stateVector);
    expect(canonicalSnapshotJson(leyla.doc)).toBe(snapshot);
  });

  it('runs under the import origin in one transaction, so undo never captures the merge or the joins', () => {
    const { leyla, tomas, leylaIran, tomasIran } = startedApart();
    const undo = createUndoManager(leyla.doc, leyla.member);
    const origins: unknown[] = [];
    leyla.doc.on('afterTransaction', (transaction: Y.Transaction) => origins.push(transaction.origin));
    mergeProjectFile(leyla.doc, encodeProjectFile(tomas.doc), { actor: leyla.actor });
    expect(origins).toEqual([importOrigin]);
    expect(undo.undoStack).toHaveLength(0);
    expect(buildTagIndex(leyla.doc).resolve(tomasIran)).toBe(buildTagIndex(leyla.doc).resolve(leylaIran));
  });

  it('leaves the doc its own Yjs client: the identity and the joins arrive as part of the merged update', () => {
    const { leyla, tomas } = startedApart();
    mergeProjectFile(leyla.doc, encodeProjectFile(tomas.doc), { actor: leyla.actor });
    expect(leyla.doc.clientID).toBe(11);
  });

  it('a file of the same project merges as before: a teammate’s rename of the project comes through', () => {
    const ana = replica('ana', 1);
    const ben = replica('ben', 2);
    createProject(ana.doc, ana.actor, { name: 'Shared' });
    syncAll(ana.doc, ben.doc);
    highlight(ben, 0);
    const result = mergeProjectFile(ana.doc, encodeProjectFile(ben.doc), { actor: ana.actor });
    expect(result).toMatchObject({ ok: true, summary: { sameProject: true, highlights: 1 } });
  });

  it('counts trashed items of the file as nothing new', () => {
    const { leyla, tomas } = startedApart();
    deleteHighlight(tomas.doc, tomas.actor, highlight(tomas, 20));
    const result = describeProjectFile(leyla.doc, encodeProjectFile(tomas.doc));
    expect(result).toMatchObject({ ok: true, summary: { highlights: 1 } });
  });
});
