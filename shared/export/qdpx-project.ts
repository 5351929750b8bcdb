/**
 * What a REFI-QDA project (`.qdpx`) holds once read, before anything is written: the plan
 * that `readQdpx` returns and `applyQdpx` carries out, and the list of what cannot come
 * over, each with its reason. Every GUID is normalised (braces dropped, lower case), every
 * reference points at something the plan holds, and every selection's offsets are already
 * UTF-16 offsets of its source's normalised text (LF line ends, no byte-order mark).
 */

/** Something of the file that is not imported (or imported differently), and why. */
export type QdpxSkipped = {
  /** What kind of thing: 'source', 'selection', 'coding', 'note', 'code', 'user', 'set', … */
  readonly kind: string;
  /** Its GUID, when it has one. */
  readonly guid?: string;
  /** Its name or a short description, when it has one. */
  readonly name?: string;
  readonly reason: string;
};

/** A REFI-QDA user. */
export type QdpxUser = { readonly guid: string; readonly name: string };

/** A code with its sub-codes. */
export type QdpxCode = {
  readonly guid: string;
  readonly name: string;
  /** `#rrggbb` (lower case), or undefined when the file gives none. */
  readonly colour: string | undefined;
  readonly description: string;
  /** Notes about the code. */
  readonly noteRefs: readonly string[];
  readonly children: readonly QdpxCode[];
};

/** One code applied to a selection. */
export type QdpxCoding = {
  readonly guid: string;
  readonly codeGuid: string;
  /** The user who applied it; undefined when the file does not say (or names no known user). */
  readonly userGuid: string | undefined;
  /** When (ms since the epoch), if the file says. */
  readonly created: number | undefined;
};

/** A coded or annotated span of a text source. */
export type QdpxSelection = {
  readonly guid: string;
  readonly name: string;
  /** Offsets as the file gives them: code points of the text as written, end exclusive. */
  readonly codePoints: { readonly start: number; readonly end: number };
  /** UTF-16 offsets in the source's normalised text. */
  readonly start: number;
  readonly end: number;
  readonly userGuid: string | undefined;
  readonly created: number | undefined;
  readonly codings: readonly QdpxCoding[];
  /** Notes on the selection (and on its codings), in file order. */
  readonly noteRefs: readonly string[];
};

/** A text source with its plain text. */
export type QdpxTextSource = {
  readonly guid: string;
  readonly name: string;
  /** The plain text, LF line ends, no byte-order mark. */
  readonly text: string;
  readonly selections: readonly QdpxSelection[];
  /** Notes about the whole source (memos of the document). */
  readonly noteRefs: readonly string[];
};

/** A note (a memo in most QDA programs). */
export type QdpxNote = {
  readonly guid: string;
  readonly name: string;
  readonly text: string;
  readonly userGuid: string | undefined;
  readonly created: number | undefined;
  readonly modified: number | undefined;
};

/** A whole REFI-QDA project as read. */
export type QdpxProject = {
  readonly name: string;
  /** The program that wrote it (`origin`), if it says. */
  readonly origin: string | undefined;
  /** The user who created the project, if the file says and the user is listed. */
  readonly creatingUserGuid: string | undefined;
  readonly users: readonly QdpxUser[];
  /** The code tree's roots. */
  readonly codes: readonly QdpxCode[];
  readonly sources: readonly QdpxTextSource[];
  readonly notes: readonly QdpxNote[];
  /** Notes about the project as a whole. */
  readonly projectNoteRefs: readonly string[];
  /** Everything that cannot come over, in file order. */
  readonly skipped: readonly QdpxSkipped[];
};

/** Every code of `codes`, depth first (parents before children), with its parent's GUID. */
export function flattenCodes(codes: readonly QdpxCode[], parent: string | null = null): { code: QdpxCode; parent: string | null }[] {
  return codes.flatMap((code) => [{ code, parent }, ...flattenCodes(code.children, code.guid)]);
}
