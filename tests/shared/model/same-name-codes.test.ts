/**
 * Same-name codes: which names count as the same (search folding: case, accents, Turkish
 * dotted and dotless i, spaces) and how a group of alike codes is joined — into its smallest
 * id, with no updated-by/at stamp, only while the codes are still live and still alike.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { TagId } from '#shared/model/ids.ts';
import { createProject } from '#shared/model/project.ts';
import { codeNameKey, findSameNameCodes, joinSameNameCodes } from '#shared/model/same-name-codes.ts';
import { buildTagIndex } from '#shared/model/tag-index.ts';
import { createTag, deleteTag, updateTag } from '#shared/model/tags.ts';
import { replica, syncAll } from '../../helpers/replicas.ts';

describe('codeNameKey', () => {
  it('folds case, accents, the Turkish i and spaces, and nothing more', () => {
    expect(codeNameKey('İran')).toBe(codeNameKey('iran'));
    expect(codeNameKey('IRAN')).toBe(codeNameKey('ıran'));
    expect(codeNameKey('Güvenlik')).toBe(codeNameKey('guvenlik'));
    expect(codeNameKey('Azərbaycan')).toBe(codeNameKey('azerbaycan'));
    expect(codeNameKey('  Energy   policy ')).toBe(codeNameKey('energy policy'));
    expect(codeNameKey('Iran')).not.toBe(codeNameKey('Iraq'));
    expect(codeNameKey('   ')).toBe('');
  });
});

describe('findSameNameCodes and joinSameNameCodes', () => {
  function twoSides() {
    const ana = replica('ana', 31);
    const bo = replica('bo', 32);
    createProject(ana.doc, ana.actor, { name: 'A' });
    createProject(bo.doc, bo.actor, { name: 'B' });
    const anaIran = createTag(ana.doc, ana.actor, { name: 'İran' });
    const anaOther = createTag(ana.doc, ana.actor, { name: 'Other' });
    const boIran = createTag(bo.doc, bo.actor, { name: 'iran' });
    const boIran2 = createTag(bo.doc, bo.actor, { name: 'IRAN ' });
    const boTrashed = createTag(bo.doc, bo.actor, { name: 'other' });
    deleteTag(bo.doc, bo.actor, boTrashed);
    return { ana, bo, anaIran, anaOther, boIran, boIran2 };
  }

  it('pairs every new live code with every live code here of the same folded name', () => {
    const { ana, bo, anaIran, boIran, boIran2 } = twoSides();
    const pairs = findSameNameCodes(buildTagIndex(ana.doc), buildTagIndex(bo.doc), () => true);
    expect(pairs.map((pair) => [pair.incoming.id, pair.existing.id])).toEqual([[boIran, anaIran], [boIran2, anaIran]].sort((x, y) => (x[0]! < y[0]! ? -1 : 1)));
  });

  it('joins a group into its smallest id without stamping the joined codes', () => {
    const { ana, bo, anaIran, boIran, boIran2 } = twoSides();
    const pairs = findSameNameCodes(buildTagIndex(ana.doc), buildTagIndex(bo.doc), () => true);
    syncAll(ana.doc, bo.doc);
    const merged = new Y.Doc();
    Y.applyUpdate(merged, Y.encodeStateAsUpdate(ana.doc));
    const before = buildTagIndex(merged);
    expect(joinSameNameCodes(merged, ana.actor, pairs)).toHaveLength(2);
    const index = buildTagIndex(merged);
    const survivor = [anaIran, boIran, boIran2].sort()[0] as TagId;
    for (const id of [anaIran, boIran, boIran2]) {
      expect(index.resolve(id)).toBe(survivor);
      expect(index.tags.get(id)?.updatedBy).toBe(before.tags.get(id)?.updatedBy);
      expect(index.tags.get(id)?.updatedAt).toBe(before.tags.get(id)?.updatedAt);
    }
  });

  it('leaves a pair apart once one of its codes is renamed or trashed before the join', () => {
    const { ana, bo, anaIran, boIran, boIran2 } = twoSides();
    const pairs = findSameNameCodes(buildTagIndex(ana.doc), buildTagIndex(bo.doc), () => true);
    syncAll(ana.doc, bo.doc);
    updateTag(ana.doc, bo.actor, boIran, { name: 'Persia' });
    deleteTag(ana.doc, bo.actor, boIran2);
    expect(joinSameNameCodes(ana.doc, ana.actor, pairs)).toEqual([]);
    const index = buildTagIndex(ana.doc);
    expect(index.resolve(anaIran)).toBe(anaIran);
    expect(index.resolve(boIran)).toBe(boIran);
  });
});
