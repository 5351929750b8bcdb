/**
 * The Memos tab's subjects: what the reader and the codebook open it on maps to the
 * model's stored subject and back; anything else opens the list.
 */
import { describe, expect, it } from 'vitest';
import type { TagId } from '#shared/model/ids.ts';
import { codeMemoTabSubject, documentMemoTabSubject, storedSubjectOf, tabSubjectOf } from '../../../renderer/analysis/memo-subjects.ts';

describe('memo tab subjects', () => {
  it('map the project, a document and a code to stored subjects and back', () => {
    for (const [tab, stored] of [
      ['project', 'project'],
      [documentMemoTabSubject('russia-azerbaijan-disputes'), 'd:russia-azerbaijan-disputes'],
      [codeMemoTabSubject('T1' as TagId), 't:T1'],
    ] as const) {
      expect(storedSubjectOf(tab)).toBe(stored);
      expect(tabSubjectOf(stored)).toBe(tab);
    }
  });

  it('name no memo for nothing, an empty id or a foreign subject (the list opens)', () => {
    for (const subject of [null, '', 'document:', 'tag:', 'pair:a:b', 'Project']) expect(storedSubjectOf(subject)).toBeUndefined();
  });
});
