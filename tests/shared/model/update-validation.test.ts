/**
 * validateUpdate: the app's own updates pass (a whole sample project, a note keystroke, a
 * tag toggle); what the layout never holds, too many structs, and many items at one
 * position are refused with a reason — before anything is applied.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { defaultDocumentsDir, readBundledDocuments } from '../../../electron/services/documents-fs.ts';
import { generateSampleProject } from '#shared/sample/sample-project.ts';
import { validateUpdate } from '#shared/model/update-validation.ts';
import type { KnownItem } from '#shared/model/update-validation.ts';
import { PROJECT_MEMO } from '#shared/model/memo-subjects.ts';
import { listMemos } from '#shared/model/memo-views.ts';
import { editMemo, startMemo } from '#shared/model/memos.ts';
import { replica, syncAll } from '../../helpers/replicas.ts';
import { concurrentInsertsUpdate, firstItemId, tinyEntriesUpdate } from '../../helpers/hostile-updates.ts';

const articles = (await readBundledDocuments(defaultDocumentsDir())).flatMap((result) =>
  result.ok ? [{ id: result.article.meta.id, text: result.article.text, hash: result.article.hash }] : []);

/** The updates `write` emits on `doc`. */
function updatesOf(doc: Y.Doc, write: () => void): Uint8Array[] {
  const updates: Uint8Array[] = [];
  const listener = (update: Uint8Array) => updates.push(update);
  doc.on('update', listener);
  write();
  doc.off('update', listener);
  return updates;
}

function noteDoc(): { doc: Y.Doc; text: Y.Text } {
  const doc = new Y.Doc();
  const note = new Y.Map<unknown>();
  doc.getMap('n').set('note', note);
  const text = new Y.Text('ab');
  note.set('t', text);
  return { doc, text };
}

describe('validateUpdate', () => {
  it('accepts a whole sample project and counts its structs', () => {
    const { doc } = generateSampleProject(articles, { highlights: 300, seed: 3 });
    const verdict = validateUpdate(Y.encodeStateAsUpdate(doc));
    expect(verdict.ok).toBe(true);
    if (verdict.ok) expect(verdict.structs).toBeGreaterThan(300);
    expect(validateUpdate(Y.encodeStateAsUpdateV2(doc), { format: 'v2' }).ok).toBe(true);
  });

  it('accepts incremental edits: typing into a note, replacing a map value, deleting', () => {
    const { doc, text } = noteDoc();
    const typed = updatesOf(doc, () => {
      text.insert(1, 'x');
      text.insert(0, 'y');
      text.delete(1, 2);
      doc.getMap('p').set('n', 'one');
      doc.getMap('p').set('n', 'two');
      (doc.getMap('n').get('note') as Y.Map<unknown>).set('x', { d: 1, b: 'm', a: 1 });
    });
    for (const update of typed) expect(validateUpdate(update)).toMatchObject({ ok: true });
  });

  it('accepts memos: starting one, typing into it, a second person editing it', () => {
    const ana = replica('ana', 1);
    const ben = replica('ben', 2);
    const started = updatesOf(ana.doc, () => startMemo(ana.doc, ana.actor, PROJECT_MEMO, '# Findings'));
    syncAll(ana.doc, ben.doc);
    const memo = listMemos(ben.doc)[0]!.records[0]!.id;
    const typed = updatesOf(ben.doc, () => {
      editMemo(ben.doc, ben.actor, memo, 10, 0, '\n- one');
      editMemo(ben.doc, ben.actor, memo, 0, 2, '');
    });
    for (const update of [...started, ...typed]) expect(validateUpdate(update)).toMatchObject({ ok: true });
    expect(validateUpdate(Y.encodeStateAsUpdate(ben.doc))).toMatchObject({ ok: true });
  });

  it.each([
    ['a text directly under the memos root', (doc: Y.Doc) => doc.getMap('o').set('t', new Y.Text('x')), 'text directly under root "o"'],
    ['a memo text under another key', (doc: Y.Doc) => doc.getMap('o').set('a', new Y.Map([['s', new Y.Text('x')]])), 'a text under the key "s"'],
    ['an array in a memo', (doc: Y.Doc) => doc.getMap('o').set('a', new Y.Map([['t', new Y.Array()]])), 'shared type 0'],
    ['an unknown root', (doc: Y.Doc) => doc.getMap('bulk').set('a', 1), 'unknown root "bulk"'],
    ['a root used as text', (doc: Y.Doc) => doc.getText('n').insert(0, 'x'), 'root "n" used as a sequence'],
    ['an array', (doc: Y.Doc) => doc.getMap('h').set('a', new Y.Array()), 'shared type 0'],
    ['XML', (doc: Y.Doc) => doc.getMap('h').set('a', new Y.XmlFragment()), 'shared type 4'],
    ['binary content', (doc: Y.Doc) => doc.getMap('h').set('a', new Uint8Array([1])), 'content kind 3'],
    ['a sub-document', (doc: Y.Doc) => doc.getMap('h').set('a', new Y.Doc()), 'content kind 9'],
    ['a text under a root', (doc: Y.Doc) => doc.getMap('n').set('t', new Y.Text('x')), 'text directly under root "n"'],
    ['a text under another key', (doc: Y.Doc) => doc.getMap('n').set('a', new Y.Map([['q', new Y.Text('x')]])), 'a text under the key "q"'],
    ['formatting', (doc: Y.Doc) => {
      const note = new Y.Map<unknown>();
      doc.getMap('n').set('a', note);
      note.set('t', new Y.Text());
      (note.get('t') as Y.Text).insert(0, 'x', { bold: true });
    }, 'content kind 6'],
  ])('refuses %s', (_, write, reason) => {
    const doc = new Y.Doc();
    write(doc);
    const verdict = validateUpdate(Y.encodeStateAsUpdate(doc));
    expect(verdict.ok).toBe(false);
    if (!verdict.ok) expect(verdict.reason).toContain(reason);
  });

  it('checks a key inherited from an item already in the document through lookup', () => {
    const { doc, text } = noteDoc();
    const note = doc.getMap('n').get('note') as Y.Map<unknown>;
    note.set('q', 1);
    const [update] = updatesOf(doc, () => note.set('q', new Y.Text('x')));
    const lookup = (id: { client: number; clock: number }): KnownItem | undefined => {
      const item = Y.getItem(doc.store, Y.createID(id.client, id.clock));
      return item instanceof Y.Item ? { parentSub: item.parentSub, typeRef: null } : undefined;
    };
    expect(validateUpdate(update as Uint8Array).ok).toBe(true);
    expect(validateUpdate(update as Uint8Array, { lookup })).toMatchObject({ ok: false, reason: 'a text under the key "q"' });
    expect(text.length).toBe(2);
  });

  it('refuses more structs than the bound, and an absurd declared count, without reading on', () => {
    expect(validateUpdate(tinyEntriesUpdate(50, 'm', 7), { limits: { maxStructs: 50 } }).ok).toBe(true);
    expect(validateUpdate(tinyEntriesUpdate(51, 'm', 7), { limits: { maxStructs: 50 } })).toEqual({
      ok: false,
      reason: 'more than 50 structs in one update',
      malformed: false,
    });
    const declared = tinyEntriesUpdate(1, 'm', 7);
    declared[1] = 0xff;
    expect(validateUpdate(declared, { limits: { maxStructs: 50 } }).ok).toBe(false);
  });

  it('refuses many items inserted concurrently at one position', () => {
    const { text } = noteDoc();
    const first = firstItemId(text);
    const right = { client: first.client, clock: first.clock + 1 };
    expect(validateUpdate(concurrentInsertsUpdate(64, first, right)).ok).toBe(true);
    expect(validateUpdate(concurrentInsertsUpdate(65, first, right))).toEqual({
      ok: false,
      reason: 'more than 64 items inserted at one position',
      malformed: false,
    });
    expect(validateUpdate(concurrentInsertsUpdate(10, first, right), { limits: { maxSameOriginSiblings: 9 } }).ok).toBe(false);
  });

  it('refuses truncated and garbage bytes with a reason, never throwing', () => {
    const { doc } = noteDoc();
    const update = Y.encodeStateAsUpdate(doc);
    expect(validateUpdate(update.slice(0, update.length - 3))).toMatchObject({ ok: false, malformed: true });
    expect(validateUpdate(Uint8Array.from([0xff, 0xff, 0xff, 0xff, 0x0f, 1, 2, 3])).ok).toBe(false);
  });
});
