/**
 * resolveFilterNames: tags by name or path and members by name or id, case-insensitively;
 * document ids checked against the loaded articles; every name that matches nothing or
 * several things fails with an ExportError saying which, by code.
 */
import { describe, expect, it } from 'vitest';
import { ExportError, type ExportProblem } from '#shared/export/export-error.ts';
import { resolveFilterNames, type FilterNames } from '#shared/export/filter-names.ts';
import { createTag } from '#shared/model/tags.ts';
import type { TagId } from '#shared/model/ids.ts';
import { buildSeededProject, fixedId } from '../../helpers/seeded-project.ts';

describe('resolveFilterNames over the seeded project', async () => {
  const project = await buildSeededProject();
  const documentIds = project.articles.map((article) => article.meta.id);
  const none: FilterNames = { tags: [], members: [], documents: [] };
  const resolve = (names: Partial<FilterNames>) => resolveFilterNames(project.doc, documentIds, { ...none, ...names });
  const problemOf = (names: Partial<FilterNames>, doc = project.doc): ExportProblem | undefined => {
    try {
      resolveFilterNames(doc, documentIds, { ...none, ...names });
    } catch (error) {
      if (error instanceof ExportError) return error.problem;
      throw error;
    }
    return undefined;
  };

  it('resolves tags by name or path, members by name or id, any case, and keeps document ids', () => {
    expect(resolve({ tags: ['security', ' Security / Military ', 'TRADE'] }).tags).toEqual([project.tags.security, project.tags.military, project.tags.trade]);
    expect(resolve({ members: ['ana əliyeva', project.members.cem] }).members).toEqual([project.members.ana, project.members.cem]);
    expect(resolve({ documents: ['hard-text-sample'] }).documents).toEqual(['hard-text-sample']);
    expect(resolve({})).toEqual({ tags: [], members: [], documents: [] });
  });

  it('says which name matches nothing', () => {
    expect(problemOf({ tags: ['Nope'] })).toEqual({ code: 'unknown-tag', name: 'Nope' });
    expect(problemOf({ members: ['Zed'] })).toEqual({ code: 'unknown-member', name: 'Zed' });
    expect(problemOf({ documents: ['hard-text-sample', 'nope'] })).toEqual({ code: 'unknown-document', documentId: 'nope' });
  });

  it('refuses a tag name shared by several tags, offering a path, and accepts the path', async () => {
    const other = await buildSeededProject();
    const second = createTag(other.doc, { member: other.members.bora }, { id: fixedId<TagId>(500), name: 'Military', colour: '#123456', parentId: other.tags.economy });
    expect(problemOf({ tags: ['military'] }, other.doc)).toEqual({ code: 'ambiguous-tag', name: 'military', examplePath: expect.stringMatching(/^(Security|Economy) \/ Military$/) });
    expect(resolveFilterNames(other.doc, documentIds, { ...none, tags: ['economy / military'] }).tags).toEqual([second]);
    expect(resolve({ tags: ['military'] }).tags).toEqual([project.tags.military]);
  });
});
