/**
 * The Memos tab's subjects: what `workspace.openAnalysis('memos', subject)` is opened on —
 * 'project', 'document:<documentId>' or 'tag:<tagId>' — turned into the stored subject of
 * the model (shared/model/memo-subjects.ts) and a title people read. Kept apart from the
 * components so the codebook and the reader can name a memo without importing the view.
 */
import type { Article } from '#shared/documents/article.ts';
import type { TagId } from '#shared/model/ids.ts';
import { codeMemoSubject, documentMemoSubject, parseMemoSubject, PROJECT_MEMO, type MemoSubject } from '#shared/model/memo-subjects.ts';
import type { TagIndex } from '#shared/model/tag-index.ts';

/** The Memos tab's id in analysis-tabs.ts. */
export const MEMOS_TAB = 'memos';

/** The tab subject of the project memo. */
export const PROJECT_MEMO_TAB_SUBJECT = 'project';

/** The tab subject of `documentId`'s memo. */
export function documentMemoTabSubject(documentId: string): string {
  return `document:${documentId}`;
}

/** The tab subject of code `tagId`'s memo. */
export function codeMemoTabSubject(tagId: TagId): string {
  return `tag:${tagId}`;
}

/** The stored memo subject a tab subject names, or undefined when it names none (then the list is shown). */
export function storedSubjectOf(tabSubject: string | null): string | undefined {
  if (tabSubject === PROJECT_MEMO_TAB_SUBJECT) return PROJECT_MEMO;
  if (tabSubject?.startsWith('document:') && tabSubject.length > 9) return documentMemoSubject(tabSubject.slice(9));
  if (tabSubject?.startsWith('tag:') && tabSubject.length > 4) return codeMemoSubject(tabSubject.slice(4) as TagId);
  return undefined;
}

/** The tab subject that opens the memo of stored subject `stored`. */
export function tabSubjectOf(stored: string): string {
  const about = parseMemoSubject(stored);
  if (about?.kind === 'document') return documentMemoTabSubject(about.documentId);
  if (about?.kind === 'code') return codeMemoTabSubject(about.tagId);
  return PROJECT_MEMO_TAB_SUBJECT;
}

/** "Project memo", "Document memo: <title>", "Code memo: <name>"; `tags` is the codebook read once for all titles. */
export function memoTitle(about: MemoSubject, tags: TagIndex, articles: readonly Article[]): string {
  if (about.kind === 'project') return 'Project memo';
  if (about.kind === 'document') {
    const title = articles.find((article) => article.meta.id === about.documentId)?.meta.title;
    return `Document memo: ${title ?? about.documentId}`;
  }
  return `Code memo: ${tags.tags.get(about.tagId)?.name ?? 'a deleted code'}`;
}
