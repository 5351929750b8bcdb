/**
 * The project's memos as exports need them (ExportMemo): titled by their subject — the
 * project, a document's title, a code's name — with names and ISO times, in a fixed order
 * (project memo, then documents, then codes, each by title) so exports are reproducible.
 */
import type * as Y from 'yjs';
import type { Article } from '../documents/article.ts';
import type { TagId } from '../model/ids.ts';
import { listMemos } from '../model/memo-views.ts';
import type { SkipLog } from '../model/read-guards.ts';
import type { TagIndex } from '../model/tag-index.ts';
import type { ExcerptPerson, ExportMemo } from './excerpt.ts';
import { isoTime } from './units.ts';

const ORDER = { project: 0, document: 1, code: 2 } as const;

/** The memos of `project` for an export. */
export function exportMemos(
  project: Y.Doc,
  articles: readonly Article[],
  tagIndex: TagIndex,
  people: readonly ExcerptPerson[],
  skipped?: SkipLog,
): ExportMemo[] {
  const names = new Map(people.map((person) => [person.id, person.name]));
  const person = (id: string): ExcerptPerson => ({ id, name: names.get(id) ?? '' });
  const titles = new Map<string, string>(articles.map((article) => [article.meta.id, article.meta.title]));
  const memos: ExportMemo[] = [];
  for (const memo of listMemos(project, skipped)) {
    const first = memo.records[0];
    if (first === undefined || memo.text.trim() === '') continue;
    const about = memo.about;
    const title =
      about.kind === 'project'
        ? 'Project memo'
        : about.kind === 'document'
          ? `Document memo: ${titles.get(about.documentId) ?? about.documentId}`
          : `Code memo: ${tagIndex.tags.get(about.tagId as TagId)?.name ?? about.tagId}`;
    memos.push({
      id: first.id,
      about,
      title,
      text: memo.text,
      author: person(first.createdBy),
      created: isoTime(first.createdAt),
      editor: person(memo.editedBy),
      modified: isoTime(memo.editedAt),
    });
  }
  return memos.sort((a, b) => ORDER[a.about.kind] - ORDER[b.about.kind] || (a.title < b.title ? -1 : a.title > b.title ? 1 : 0));
}
