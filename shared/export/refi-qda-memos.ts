/**
 * Memos in REFI-QDA (QDA-XML 1.0), which has no memo element of its own but notes and
 * descriptions that the QDA programs show as memos:
 * - the project memo → a Note of the project;
 * - a document memo → a Note referenced from its TextSource (NoteRef), so it opens as the
 *   document's memo; a memo of a document that is not exported is a project Note;
 * - a code memo → appended to the code's Description (after the codebook's description,
 *   separated by a blank line), so it travels with the code in `.qdpx` and `.qdc` alike; a
 *   memo of a code that is no longer in the codebook is a project Note.
 * Texts are written as plain text (memoPlainText: a link to a highlight becomes its quote).
 */
import { memoPlainText } from '../text/memo-markup.ts';
import type { ExportMemo } from './excerpt.ts';
import { entityUuid } from './units.ts';

/** A note to write for a memo (refi-qda.ts renders it). */
export type QdaMemoNote = {
  readonly guid: string;
  readonly name: string;
  readonly text: string;
  readonly authorId: string;
  readonly created: string;
  readonly modified: string;
};

/** Where the memos go in a REFI-QDA project. */
export type QdaMemos = {
  readonly notes: readonly QdaMemoNote[];
  /** Document id → GUIDs of the notes its TextSource refers to. */
  readonly sourceNoteRefs: ReadonlyMap<string, readonly string[]>;
  /** Code id → the memo text its Description carries after the codebook's description. */
  readonly codeMemos: ReadonlyMap<string, string>;
};

/** The GUID of a memo's note (stable across exports). */
export function memoGuid(memoId: string): string {
  return entityUuid('memo', memoId);
}

/** Sorts `memos` into notes, source references and code descriptions; `codes` and `documents` are the exported ids. */
export function qdaMemos(memos: readonly ExportMemo[], codes: ReadonlySet<string>, documents: ReadonlySet<string>): QdaMemos {
  const notes: QdaMemoNote[] = [];
  const sourceNoteRefs = new Map<string, string[]>();
  const codeMemos = new Map<string, string>();
  for (const memo of memos) {
    const text = memoPlainText(memo.text);
    const { about } = memo;
    if (about.kind === 'code' && codes.has(about.tagId)) {
      codeMemos.set(about.tagId, text);
      continue;
    }
    const guid = memoGuid(memo.id);
    notes.push({ guid, name: memo.title, text, authorId: memo.author.id, created: memo.created, modified: memo.modified });
    if (about.kind === 'document' && documents.has(about.documentId)) {
      sourceNoteRefs.set(about.documentId, [...(sourceNoteRefs.get(about.documentId) ?? []), guid]);
    }
  }
  return { notes, sourceNoteRefs, codeMemos };
}

/** A code's Description: the codebook's description, then its memo, separated by a blank line. */
export function codeDescription(description: string, memo: string | undefined): string {
  return [description, memo ?? ''].filter((part) => part.trim() !== '').join('\n\n');
}
