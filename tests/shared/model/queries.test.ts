import { describe, expect, it } from 'vitest';
import { addHighlight, applyTag, deleteHighlight, removeTag } from '#shared/model/highlights.ts';
import type { HighlightId, TagId } from '#shared/model/ids.ts';
import { addNote, addReply, deleteNote, deleteReply } from '#shared/model/notes.ts';
import { createProject } from '#shared/model/project.ts';
import { filterAnnotations, listHighlights, listTags, listTrash, tagUsageCounts, type TagTreeNode } from '#shared/model/queries.ts';
import { createTag, deleteTag, mergeTag, updateTag } from '#shared/model/tags.ts';
import { replica, syncAll, type Replica } from '../../helpers/replicas.ts';

function highlight(r: Replica, documentId: string, start: number, exact: string, tags: TagId[] = []): HighlightId {
  return addHighlight(r.doc, r.actor, {
    documentId,
    documentHash: 'sha256:' + 'ab'.repeat(32),
    position: { start, end: start + exact.length },
    quote: { exact, prefix: '', suffix: '' },
    tags,
  });
}

function shape(nodes: readonly TagTreeNode[]): unknown[] {
  return nodes.map((n) => [n.tag.name, n.count, n.totalCount, shape(n.children)]);
}

describe('queries', () => {
  const ana = replica('ana', 1);
  const ben = replica('ben', 2);
  createProject(ana.doc, ana.actor, { name: 'P' });
  const energy = createTag(ana.doc, ana.actor, { name: 'Energy', colour: '#f00' });
  const gas = createTag(ana.doc, ana.actor, { name: 'Gas', colour: '#0f0', parentId: energy });
  const oil = createTag(ana.doc, ana.actor, { name: 'Oil', colour: '#00f', parentId: energy });
  const security = createTag(ana.doc, ana.actor, { name: 'Security', colour: '#999' });
  const h1 = highlight(ana, 'doc-a', 50, 'pipeline diplomacy', [gas]);
  const h2 = highlight(ana, 'doc-a', 10, 'oil revenues', [oil, security]);
  const h3 = highlight(ana, 'doc-b', 0, 'border incidents', [security]);
  syncAll(ana.doc, ben.doc);
  const h4 = highlight(ben, 'doc-a', 30, 'untagged passage');
  const note = addNote(ben.doc, ben.actor, h4, 'Check the Baku–Tbilisi–Ceyhan figures');
  addReply(ben.doc, ben.actor, note, 'Done in 2005');
  syncAll(ana.doc, ben.doc);

  it('lists a document’s live highlights in text order with resolved tags, colour and notes', () => {
    const views = listHighlights(ana.doc, 'doc-a');
    expect(views.map((v) => v.id)).toEqual([h2, h4, h1]);
    expect(views[0]!.tags.map((t) => t.tag.name).sort()).toEqual(['Oil', 'Security']);
    expect(views[0]!.colour).toBe(views[0]!.tags[0]!.tag.colour);
    expect(views[1]!.colour).toBeNull();
    expect(views[1]!.notes[0]).toMatchObject({ text: 'Check the Baku–Tbilisi–Ceyhan figures', createdBy: 'ben' });
    expect(views[1]!.notes[0]!.replies.map((r) => r.text)).toEqual(['Done in 2005']);
    expect(views[2]!.createdBy).toBe('ana');
  });

  it('builds the codebook tree with direct and subtree counts', () => {
    expect(shape(listTags(ana.doc))).toEqual([
      ['Energy', 0, 2, [['Gas', 1, 1, []], ['Oil', 1, 1, []]]],
      ['Security', 2, 2, []],
    ]);
  });

  it('counts usage as the highlights’ views show their codes: merged codes once, trashed codes and highlights not at all', () => {
    const r = replica('usage', 6);
    createProject(r.doc, r.actor, { name: 'P' });
    const parent = createTag(r.doc, r.actor, { name: 'Parent', colour: '#f00' });
    const a = createTag(r.doc, r.actor, { name: 'A', colour: '#0f0', parentId: parent });
    const b = createTag(r.doc, r.actor, { name: 'B', colour: '#00f', parentId: parent });
    const gone = createTag(r.doc, r.actor, { name: 'Gone', colour: '#999' });
    highlight(r, 'doc-a', 0, 'both codes', [a, b]);
    highlight(r, 'doc-a', 20, 'one code', [b, gone]);
    deleteHighlight(r.doc, r.actor, highlight(r, 'doc-a', 40, 'in the trash', [a]));
    mergeTag(r.doc, r.actor, a, b);
    deleteTag(r.doc, r.actor, gone);
    const usage = tagUsageCounts(r.doc);
    // A merged into B: the first highlight carries B once; the parent counts each highlight once.
    expect(usage.get(b)).toEqual({ direct: 2, total: 2 });
    expect(usage.get(parent)).toEqual({ direct: 0, total: 2 });
    expect(usage.has(gone)).toBe(false);
    const fromViews = new Map<string, number>();
    for (const view of listHighlights(r.doc, 'doc-a')) for (const applied of view.tags) fromViews.set(applied.tag.id, (fromViews.get(applied.tag.id) ?? 0) + 1);
    expect(new Map([...usage].filter(([, counts]) => counts.direct > 0).map(([id, counts]) => [id, counts.direct]))).toEqual(fromViews);
    expect(shape(listTags(r.doc, null))).toEqual([['Parent', 0, 0, [['B', 0, 0, []]]]]);
  });

  it('filters by tag including descendants, by member, document, notes and text', () => {
    const ids = (filter: Parameters<typeof filterAnnotations>[1]) => filterAnnotations(ana.doc, filter).map((v) => v.id);
    expect(ids({ tags: [energy] })).toEqual([h2, h1]);
    expect(ids({ tags: [gas] })).toEqual([h1]);
    expect(ids({ tags: [security], documents: ['doc-b'] })).toEqual([h3]);
    expect(ids({ members: [ben.member] })).toEqual([h4]);
    expect(ids({ withNote: true })).toEqual([h4]);
    expect(ids({ text: 'CEYHAN' })).toEqual([h4]);
    expect(ids({ text: '2005' })).toEqual([h4]);
    expect(ids({ text: 'diplomacy' })).toEqual([h1]);
    expect(ids({})).toEqual([h2, h4, h1, h3]);
  });

  it('matches the text filter folded as find folds: ASCII spellings find ə, ı, ş, ß, æ in quotes, notes and replies', () => {
    const r = replica('fold', 5);
    createProject(r.doc, r.actor, { name: 'P' });
    const quoted = highlight(r, 'doc-a', 0, 'Bakı Universiteti Nəşriyyatı');
    const noted = highlight(r, 'doc-a', 40, 'plain words');
    const replied = highlight(r, 'doc-a', 60, 'other words');
    addNote(r.doc, r.actor, noted, 'See Azərbaycan Respublikası');
    addReply(r.doc, r.actor, addNote(r.doc, r.actor, replied, 'ok'), 'Straße and Cæsar');
    const ids = (text: string) => filterAnnotations(r.doc, { text }).map((v) => v.id);
    expect(ids('nesriyyati')).toEqual([quoted]);
    expect(ids('  BAKI universiteti ')).toEqual([quoted]);
    expect(ids('azerbaycan')).toEqual([noted]);
    expect(ids('strasse')).toEqual([replied]);
    expect(ids('caesar')).toEqual([replied]);
    expect(ids('words')).toEqual([noted, replied]);
  });

  it('a tag re-parented under a merged tag moves to the merge target; parent cycles are broken deterministically', () => {
    const r = replica('cy', 3);
    createProject(r.doc, r.actor, { name: 'P' });
    const a = createTag(r.doc, r.actor, { name: 'A' });
    const b = createTag(r.doc, r.actor, { name: 'B' });
    const c = createTag(r.doc, r.actor, { name: 'C', parentId: a });
    mergeTag(r.doc, r.actor, a, b);
    expect(shape(listTags(r.doc))).toEqual([['B', 0, 0, [['C', 0, 0, []]]]]);
    const other = replica('cz', 4);
    syncAll(r.doc, other.doc);
    updateTag(r.doc, r.actor, b, { parentId: c });
    updateTag(other.doc, other.actor, c, { parentId: b });
    syncAll(r.doc, other.doc);
    const tree = listTags(r.doc);
    expect(tree).toHaveLength(1);
    expect(shape(tree)).toEqual(shape(listTags(other.doc)));
    expect(tree[0]!.tag.id).toBe(b < c ? b : c);
  });

  it('collects trashed highlights, tags, notes and replies with who and when', () => {
    const r = replica('tr', 5);
    createProject(r.doc, r.actor, { name: 'P' });
    const t = createTag(r.doc, r.actor, { name: 'T' });
    const x = highlight(r, 'd', 0, 'one', [t]);
    const y = highlight(r, 'd', 5, 'two');
    const n = addNote(r.doc, r.actor, y, 'note');
    const n2 = addNote(r.doc, r.actor, y, 'second');
    const reply = addReply(r.doc, r.actor, n2, 'reply');
    deleteHighlight(r.doc, r.actor, x);
    deleteTag(r.doc, r.actor, t);
    deleteNote(r.doc, r.actor, n);
    deleteReply(r.doc, r.actor, n2, reply);
    removeTag(r.doc, r.actor, y, t);
    const trash = listTrash(r.doc);
    expect(trash.highlights.map((h) => h.id)).toEqual([x]);
    expect(trash.tags.map((tag) => [tag.id, tag.deleted?.by])).toEqual([[t, 'tr']]);
    expect(trash.notes.map((v) => v.id)).toEqual([n]);
    expect(trash.replies.map((v) => [v.id, v.noteId])).toEqual([[reply, n2]]);
    expect(listHighlights(r.doc, 'd')[0]!.notes.map((v) => v.id)).toEqual([n2]);
  });
});
