/**
 * What the Segments tab is opened on: a code, and optionally one article. Written as one
 * string (the Analysis panel's subject): the code id, or "codeId/documentId". Code ids are
 * base64url and document ids slugs, so neither holds a "/".
 */

/** Id of the Segments tab (analysis-tabs.ts). */
export const SEGMENTS_TAB_ID = 'segments';

/** The subject for a code's segments, in one article when given. */
export function segmentsSubject(tagId: string, documentId?: string): string {
  return documentId === undefined ? tagId : `${tagId}/${documentId}`;
}

/** Reads a subject back: the code and the article ('' for every article). */
export function parseSegmentsSubject(subject: string | null): { readonly tagId: string; readonly documentId: string } {
  if (subject === null) return { tagId: '', documentId: '' };
  const slash = subject.indexOf('/');
  return slash < 0 ? { tagId: subject, documentId: '' } : { tagId: subject.slice(0, slash), documentId: subject.slice(slash + 1) };
}
