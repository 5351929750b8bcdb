/**
 * What a memo is about: the project, one document or one code. A subject is stored as one
 * short string (`s` of a memo record): 'project', 'd:<documentId>' or 't:<tagId>', so a
 * record says on its own what it belongs to and a damaged value is simply not a subject.
 */
import type { TagId } from './ids.ts';

/** A memo's subject, parsed. */
export type MemoSubject =
  | { readonly kind: 'project' }
  | { readonly kind: 'document'; readonly documentId: string }
  | { readonly kind: 'code'; readonly tagId: TagId };

/** The stored form of the project memo's subject. */
export const PROJECT_MEMO = 'project';

/** The stored subject of `documentId`'s memo. */
export function documentMemoSubject(documentId: string): string {
  return `d:${documentId}`;
}

/** The stored subject of the memo of code `tagId`. */
export function codeMemoSubject(tagId: TagId): string {
  return `t:${tagId}`;
}

/** Longest stored subject accepted (a prefix and an id). */
const MAX_SUBJECT_LENGTH = 200;

/** Parses a stored subject; undefined for anything that is not one. */
export function parseMemoSubject(value: unknown): MemoSubject | undefined {
  if (typeof value !== 'string' || value.length > MAX_SUBJECT_LENGTH) return undefined;
  if (value === PROJECT_MEMO) return { kind: 'project' };
  const rest = value.slice(2);
  if (rest.length === 0) return undefined;
  if (value.startsWith('d:')) return { kind: 'document', documentId: rest };
  if (value.startsWith('t:')) return { kind: 'code', tagId: rest as TagId };
  return undefined;
}
