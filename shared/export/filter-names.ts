/**
 * Filters given by name, as people type them on the command line, resolved to the ids the
 * excerpt query takes: tags by name or by path ("Security / Military"), members by display
 * name or id (both case-insensitive), documents by id. A name that matches nothing, or
 * several things, is an `ExportError` saying which — never a silently empty or widened
 * export.
 */
import type * as Y from 'yjs';
import type { MemberId, TagId } from '#shared/model/ids.ts';
import { listMembers } from '#shared/model/project.ts';
import { createViewContext } from '#shared/model/views.ts';
import { ExportError } from './export-error.ts';

/** Names as given. */
export type FilterNames = {
  readonly tags: readonly string[];
  readonly members: readonly string[];
  readonly documents: readonly string[];
};

/** The same filters as ids. */
export type ResolvedFilterNames = {
  readonly tags: TagId[];
  readonly members: MemberId[];
  readonly documents: string[];
};

/**
 * Resolves tag and member names against `project` and checks document ids against
 * `documentIds` (the loaded articles); throws `ExportError` ('unknown-tag', 'ambiguous-tag',
 * 'unknown-member', 'ambiguous-member', 'unknown-document') on the first name that fails.
 */
export function resolveFilterNames(project: Y.Doc, documentIds: readonly string[], names: FilterNames): ResolvedFilterNames {
  const tagIndex = createViewContext(project).tagIndex;
  const liveTags = [...tagIndex.tags.values()].filter((tag) => tagIndex.isLive(tag.id));
  const pathOf = (id: TagId | null): string => {
    const tag = id === null ? undefined : tagIndex.tags.get(id);
    return tag ? (tag.parentId ? `${pathOf(tag.parentId)} / ${tag.name}` : tag.name) : '';
  };
  const tags = names.tags.map((name) => {
    const wanted = name.trim().toLowerCase();
    const byPath = liveTags.filter((tag) => pathOf(tag.id).toLowerCase() === wanted);
    const found = byPath.length === 1 ? byPath : liveTags.filter((tag) => tag.name.trim().toLowerCase() === wanted);
    const [first] = found;
    if (first === undefined) throw new ExportError({ code: 'unknown-tag', name });
    if (found.length > 1) throw new ExportError({ code: 'ambiguous-tag', name, examplePath: pathOf(first.id) });
    return first.id;
  });
  const people = listMembers(project);
  const members = names.members.map((name) => {
    const wanted = name.trim().toLowerCase();
    const found = people.filter((member) => member.name.trim().toLowerCase() === wanted || member.id === name);
    const [first] = found;
    if (first === undefined) throw new ExportError({ code: 'unknown-member', name });
    if (found.length > 1) throw new ExportError({ code: 'ambiguous-member', name });
    return first.id;
  });
  const known = new Set(documentIds);
  const unknown = names.documents.find((id) => !known.has(id));
  if (unknown !== undefined) throw new ExportError({ code: 'unknown-document', documentId: unknown });
  return { tags, members, documents: [...names.documents] };
}
