/**
 * Memos (docs/architecture.md §5): started and edited through `write` with who/when stamps,
 * merged character-wise when two people edit one memo offline, both kept when two people
 * start the same memo offline, undone per person, carried by a project-file merge, and read
 * without trusting damaged records.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { MemoId, TagId } from '#shared/model/ids.ts';
import { codeMemoSubject, documentMemoSubject, parseMemoSubject, PROJECT_MEMO } from '#shared/model/memo-subjects.ts';
import { getMemo, listMemos } from '#shared/model/memo-views.ts';
import { editMemo, memoText, setMemoText, startMemo } from '#shared/model/memos.ts';
import { createProject } from '#shared/model/project.ts';
import { encodeProjectFile } from '#shared/model/project-file.ts';
import { describeProjectFile, mergeProjectFile } from '#shared/model/project-merge.ts';
import { createSkipLog } from '#shared/model/read-guards.ts';
import { createUndoManager } from '#shared/model/undo.ts';
import { replica, syncAll } from '../../helpers/replicas.ts';

describe('memo subjects', () => {
  it('round-trips the project, a document and a code, and refuses anything else', () => {
    expect(parseMemoSubject(PROJECT_MEMO)).toEqual({ kind: 'project' });
    expect(parseMemoSubject(documentMemoSubject('azerbaijan-iran'))).toEqual({ kind: 'document', documentId: 'azerbaijan-iran' });
    expect(parseMemoSubject(codeMemoSubject('T1' as TagId))).toEqual({ kind: 'code', tagId: 'T1' });
    for (const bad of ['', 'd:', 't:', 'x:1', 'projects', 7, null, 'd:' + 'x'.repeat(300)]) expect(parseMemoSubject(bad)).toBeUndefined();
  });
});

describe('memos', () => {
  it('starts and edits a memo, stamping who created and who last edited it', () => {
    const clock = { now: 1_750_000_000_000 };
    const ana = replica('ana', 1, clock);
    const ben = replica('ben', 2, clock);
    const memo = startMemo(ana.doc, ana.actor, PROJECT_MEMO, '# Findings');
    syncAll(ana.doc, ben.doc);
    clock.now += 5_000;
    editMemo(ben.doc, ben.actor, memo, 10, 0, '\n- energy');
    const view = getMemo(ben.doc, PROJECT_MEMO)!;
    expect(view.text).toBe('# Findings\n- energy');
    expect(view.records[0]).toMatchObject({ createdBy: 'ana', createdAt: 1_750_000_000_000, editedBy: 'ben', editedAt: 1_750_000_005_000, editable: true });
    expect(() => startMemo(ana.doc, ana.actor, 'nonsense')).toThrow(/not a memo subject/);
    expect(() => editMemo(ana.doc, ana.actor, memo, 99, 0, 'x')).toThrow(/outside memo/);
  });

  it('merges two people editing the same memo offline character-wise', () => {
    const ana = replica('ana', 1);
    const ben = replica('ben', 2);
    const memo = startMemo(ana.doc, ana.actor, documentMemoSubject('doc'), 'middle');
    syncAll(ana.doc, ben.doc);
    setMemoText(ana.doc, ana.actor, memo, 'Ana: middle');
    setMemoText(ben.doc, ben.actor, memo, 'middle :Ben');
    syncAll(ana.doc, ben.doc);
    expect(memoText(ana.doc, memo).toString()).toBe('Ana: middle :Ben');
    expect(memoText(ben.doc, memo).toString()).toBe('Ana: middle :Ben');
  });

  it('keeps both texts when two people start the same memo offline', () => {
    const ana = replica('ana', 1);
    const ben = replica('ben', 2);
    startMemo(ana.doc, ana.actor, PROJECT_MEMO, 'from Ana');
    startMemo(ben.doc, ben.actor, PROJECT_MEMO, 'from Ben');
    syncAll(ana.doc, ben.doc);
    for (const doc of [ana.doc, ben.doc]) {
      const memos = listMemos(doc);
      expect(memos).toHaveLength(1);
      expect(memos[0]!.records.map((record) => record.text).sort()).toEqual(['from Ana', 'from Ben']);
    }
    expect(getMemo(ana.doc, PROJECT_MEMO)!.text).toBe(getMemo(ben.doc, PROJECT_MEMO)!.text);
  });

  it('undoes a memo edit of one person only', () => {
    const ana = replica('ana', 1);
    const ben = replica('ben', 2);
    const memo = startMemo(ana.doc, ana.actor, codeMemoSubject('T1' as TagId), 'base');
    syncAll(ana.doc, ben.doc);
    const undo = createUndoManager(ben.doc, ben.member);
    editMemo(ben.doc, ben.actor, memo, 4, 0, ' by ben');
    expect(undo.undoStack).toHaveLength(1);
    undo.undo();
    expect(memoText(ben.doc, memo).toString()).toBe('base');
  });

  it('is carried over by merging a file of a project that started apart', () => {
    const leyla = replica('leyla', 11);
    const tomas = replica('tomas', 12);
    createProject(leyla.doc, leyla.actor, { name: 'Leyla' });
    createProject(tomas.doc, tomas.actor, { name: 'Tomas' });
    startMemo(tomas.doc, tomas.actor, PROJECT_MEMO, 'Tomas’s project memo');
    const described = describeProjectFile(leyla.doc, encodeProjectFile(tomas.doc));
    expect(described).toMatchObject({ ok: true, summary: { memos: 1, people: [{ id: 'tomas' }] } });
    const result = mergeProjectFile(leyla.doc, encodeProjectFile(tomas.doc));
    expect(result).toMatchObject({ ok: true, summary: { memos: 1 } });
    expect(mergeProjectFile(leyla.doc, encodeProjectFile(tomas.doc))).toMatchObject({ ok: true, summary: { memos: 0 } });
    expect(getMemo(leyla.doc, PROJECT_MEMO)?.text).toBe('Tomas’s project memo');
  });

  it('skips damaged records once, with a reason, and reads the rest', () => {
    const ana = replica('ana', 1);
    startMemo(ana.doc, ana.actor, PROJECT_MEMO, 'kept');
    const memos = ana.doc.getMap('o');
    ana.doc.transact(() => {
      memos.set('not-a-map', 'x' as never);
      memos.set('no-subject', new Y.Map([['t', new Y.Text('a')], ['b', 'ana'], ['a', 1]]));
      memos.set('no-text', new Y.Map<unknown>([['s', 'project'], ['b', 'ana'], ['a', 1]]));
      memos.set('no-author', new Y.Map<unknown>([['s', 'project'], ['t', new Y.Text('a')], ['a', 1]]));
      memos.set('bad-time', new Y.Map<unknown>([['s', 'project'], ['t', new Y.Text('a')], ['b', 'ana'], ['a', 'soon']]));
      memos.set('bad-stamp', new Y.Map<unknown>([['s', 'd:doc'], ['t', 'plain'], ['b', 'ana'], ['a', 5], ['ua', Infinity], ['ub', 3]]));
    });
    const skipped = createSkipLog();
    const views = listMemos(ana.doc, skipped);
    expect(views.map((memo) => memo.text).sort()).toEqual(['kept', 'plain']);
    expect(views.find((memo) => memo.subject === 'd:doc')!.records[0]).toMatchObject({ editable: false, editedBy: 'ana', editedAt: 5 });
    expect(skipped.records.map((record) => `${record.id}: ${record.reason}`).sort()).toEqual([
      'bad-time: no creation time',
      'no-author: no author',
      'no-subject: no subject',
      'no-text: no readable text',
      'not-a-map: not a record',
    ]);
    expect(() => memoText(ana.doc, 'not-a-map' as MemoId)).toThrow(/unknown memo/);
  });
});
