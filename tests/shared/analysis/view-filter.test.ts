import { describe, expect, it } from 'vitest';
import { addHighlight, applyTag, removeTag } from '#shared/model/highlights.ts';
import type { HighlightId, MemberId, TagId } from '#shared/model/ids.ts';
import { addNote } from '#shared/model/notes.ts';
import { createProject } from '#shared/model/project.ts';
import { createTag } from '#shared/model/tags.ts';
import { isHighlightOf, parseViewFilter, sameViewFilter, serializeViewFilter, shownMember } from '#shared/analysis/view-filter.ts';
import { replica, syncAll, type Replica } from '../../helpers/replicas.ts';

function highlight(r: Replica, start: number, exact: string, tags: TagId[] = []): HighlightId {
  return addHighlight(r.doc, r.actor, {
    documentId: 'doc-a',
    documentHash: 'sha256:' + 'ab'.repeat(32),
    position: { start, end: start + exact.length },
    quote: { exact, prefix: '', suffix: '' },
    tags,
  });
}

describe('view filter', () => {
  it('reads back what it stores and reads anything else as everyone', () => {
    for (const filter of [{ show: 'everyone' }, { show: 'mine' }, { show: 'member', member: 'm1' as MemberId }] as const) {
      expect(parseViewFilter(serializeViewFilter(filter))).toEqual(filter);
    }
    for (const raw of [null, '', '{', '42', 'null', '{"show":"member"}', '{"show":"member","member":""}', '{"show":"nobody"}']) {
      expect(parseViewFilter(raw)).toEqual({ show: 'everyone' });
    }
  });

  it('names the one person shown', () => {
    const me = 'me' as MemberId;
    expect(shownMember({ show: 'everyone' }, me)).toBeNull();
    expect(shownMember({ show: 'mine' }, me)).toBe(me);
    expect(shownMember({ show: 'mine' }, null)).toBeNull();
    expect(shownMember({ show: 'member', member: 'x' as MemberId }, me)).toBe('x');
    expect(sameViewFilter({ show: 'member', member: 'x' as MemberId }, { show: 'member', member: 'y' as MemberId })).toBe(false);
    expect(sameViewFilter({ show: 'mine' }, { show: 'mine' })).toBe(true);
  });

  it('counts a highlight as a person\'s when they created it or applied a live code, not for a note', () => {
    const ana = replica('ana', 1);
    const ben = replica('ben', 2);
    createProject(ana.doc, ana.actor, { name: 'P' });
    const energy = createTag(ana.doc, ana.actor, { name: 'Energy', colour: '#f00' });
    const anas = highlight(ana, 0, 'pipeline diplomacy');
    const coded = highlight(ana, 40, 'oil revenues');
    syncAll(ana.doc, ben.doc);
    applyTag(ben.doc, ben.actor, coded, energy);
    addNote(ben.doc, ben.actor, anas, 'a comment');
    const bens = highlight(ben, 80, 'border incidents');
    syncAll(ana.doc, ben.doc);
    const a = ana.actor.member;
    const b = ben.actor.member;
    expect([anas, coded, bens].map((id) => isHighlightOf(ana.doc, id, a))).toEqual([true, true, false]);
    expect([anas, coded, bens].map((id) => isHighlightOf(ana.doc, id, b))).toEqual([false, true, true]);
    removeTag(ben.doc, ben.actor, coded, energy);
    expect(isHighlightOf(ben.doc, coded, b)).toBe(false);
    expect(isHighlightOf(ben.doc, 'unknown' as HighlightId, b)).toBe(false);
  });
});
