/**
 * The layout of a project's Y.Doc: root names, keys and stored record shapes.
 *
 * Keys are one or two letters because every key is repeated in every update (docs/architecture.md §8
 * budgets). The rule for granularity: a value that is only ever written as a whole is one
 * plain JSON value (coarse: a highlight's anchor, a trash marker, a member); fields that
 * people edit concurrently get their own map key (a tag's name, colour, parent…), and
 * prose gets a Y.Text so concurrent edits merge character-wise (notes, replies, memos).
 *
 * ```
 * doc.getMap('p')   project meta        i: ProjectId, n: name, v: schema major, w: schema minor
 * doc.getMap('m')   members             MemberId -> MemberRecord
 * doc.getMap('c')   client registry     String(Yjs clientID) -> MemberId  (who wrote an item)
 * doc.getMap('t')   tags                TagId -> Y.Map { n c d p g x k kd cb ca ub ua }
 * doc.getMap('h')   highlights          HighlightId -> Y.Map { s: AnchorRecord, x?: TrashRecord,
 *                                                              c?: colour | null, <TagId>: ApplicationValue ... }
 * doc.getMap('n')   notes               NoteId -> Y.Map { h, b, a, t: Y.Text, r: Y.Map, x?, ub?, ua? }
 *                   replies (in note.r) ReplyId -> Y.Map { b, a, t: Y.Text, x? }
 * doc.getMap('o')   memos               MemoId -> Y.Map { s: subject, t: Y.Text, b, a, ub?, ua? }
 * doc.getMap('d')   added documents     DocumentId -> Y.Map { t ts a w f n h z cb ca x? pv? nv? ub? ua? }
 * ```
 *
 * An added document's record holds its metadata only; its text is stored once, apart from
 * this doc, under its id (which is derived from its content hash), so it never slows a
 * replica that does not open it (shared/model/documents.ts).
 *
 * A memo's subject `s` is 'project', 'd:<documentId>' or 't:<tagId>'. Memos are keyed by a
 * random id, not by their subject: two people who start the same memo offline would
 * otherwise each write a new map under one key, and the merge would keep one map and lose
 * the other's text. Readers join the records of one subject (shared/model/memo-views.ts).
 *
 * Tag applications live directly in the highlight's map under the tag's id (22 characters,
 * so never confused with the one-letter keys). The value is the time in whole seconds:
 * positive = applied, negative = removed. Who wrote it is the Yjs client of that map entry,
 * mapped to a member through the client registry `c` — the only way a toggle fits 64 bytes.
 */
import type * as Y from 'yjs';
import type { MemberId, TagId } from './ids.ts';

/** Root map names. */
export const ROOT = { meta: 'p', members: 'm', clients: 'c', tags: 't', highlights: 'h', notes: 'n', memos: 'o', documents: 'd' } as const;

/** Keys of the project meta map. */
export const META = { id: 'i', name: 'n', major: 'v', minor: 'w', updatedBy: 'ub', updatedAt: 'ua' } as const;

/** Keys of a tag's map. */
export const TAG = {
  name: 'n',
  colour: 'c',
  description: 'd',
  parent: 'p',
  mergedInto: 'g',
  trash: 'x',
  /** The number key chosen for the tag in the codebook (a {@link TagKeyRecord}); absent or null = its default. */
  key: 'k',
  /** The tag's default number key (1–9): the first key free when it was created. */
  defaultKey: 'kd',
  createdBy: 'cb',
  createdAt: 'ca',
  updatedBy: 'ub',
  updatedAt: 'ua',
} as const;

/**
 * Prefix of a note's or reply's "edited by someone other than its author" stamps: key
 * `e:<memberId>`, value the time (ms) of that member's latest edit run. One key per member,
 * so concurrent stamps by different people both survive a merge.
 */
export const NOTE_OTHER_EDIT_PREFIX = 'e:';

/** Keys of a highlight's map (besides tag ids). */
export const HIGHLIGHT = {
  anchor: 's',
  trash: 'x',
  /** The highlight's own colour (`#rrggbb`), chosen in its popover; absent or null = its first code's colour. Optional: older readers ignore it. */
  colour: 'c',
} as const;

/** Keys of a note's map (and, for b/a/t/x, of a reply's map). */
export const NOTE = {
  highlight: 'h',
  createdBy: 'b',
  createdAt: 'a',
  text: 't',
  replies: 'r',
  trash: 'x',
  updatedBy: 'ub',
  updatedAt: 'ua',
} as const;

/** Keys of a memo's map. */
export const MEMO = {
  subject: 's',
  text: 't',
  createdBy: 'b',
  createdAt: 'a',
  updatedBy: 'ub',
  updatedAt: 'ua',
} as const;

/** Keys of an added document's map. */
export const DOCUMENT = {
  title: 't',
  /** True when the title was drawn from the document's own words (the file states none). */
  titleSupplied: 'ts',
  author: 'a',
  /** A date the file states (as it states it), or null. */
  date: 'w',
  format: 'f',
  fileName: 'n',
  /** Full content hash of the canonical text (`sha256:…`). */
  hash: 'h',
  /** Length of the canonical text in UTF-16 units. */
  length: 'z',
  createdBy: 'cb',
  createdAt: 'ca',
  trash: 'x',
  /** The document this one is a new version of. */
  previous: 'pv',
  /** The newer version that replaced this one (it then leaves the library). */
  next: 'nv',
  updatedBy: 'ub',
  updatedAt: 'ua',
} as const;

/** A member as stored: name, colour (CSS colour string), joined at (ms). */
export type MemberRecord = { readonly n: string; readonly c: string; readonly a: number };

/**
 * A highlight's immutable anchor as stored (one plain value, never edited field by field):
 * d = document id, h = compact document hash (see compactDocumentHash), p = [start, end], q = [exact, prefix, suffix],
 * b = creator, a = created at (ms).
 */
export type AnchorRecord = {
  readonly d: string;
  readonly h: string;
  readonly p: readonly [number, number];
  readonly q: readonly [string, string, string];
  readonly b: MemberId;
  readonly a: number;
};

/** The latest trash state change: d = 1 deleted / 0 restored, by whom, when (ms). */
export type TrashRecord = { readonly d: 0 | 1; readonly b: MemberId; readonly a: number };

/**
 * A number key chosen for a tag in the codebook, written as a whole: n = the key 1–9, or 0 for
 * "no key"; a = when it was chosen (ms), which decides between two tags that claim the same
 * key after a merge (shared/model/tag-keys.ts).
 */
export type TagKeyRecord = { readonly n: number; readonly a: number };

/** A tag application entry: whole seconds since the epoch, negated when the tag was removed. */
export type ApplicationValue = number;

/** The root maps of a project doc. */
export type Roots = {
  readonly meta: Y.Map<unknown>;
  readonly members: Y.Map<MemberRecord>;
  readonly clients: Y.Map<MemberId>;
  readonly tags: Y.Map<Y.Map<unknown>>;
  readonly highlights: Y.Map<Y.Map<unknown>>;
  readonly notes: Y.Map<Y.Map<unknown>>;
  readonly memos: Y.Map<Y.Map<unknown>>;
  readonly documents: Y.Map<Y.Map<unknown>>;
};

const rootsCache = new WeakMap<Y.Doc, Roots>();

/** The root maps of `doc` (creating the root types is local and writes nothing; cached per doc). */
export function roots(doc: Y.Doc): Roots {
  let cached = rootsCache.get(doc);
  if (!cached) rootsCache.set(doc, (cached = readRoots(doc)));
  return cached;
}

function readRoots(doc: Y.Doc): Roots {
  return {
    meta: doc.getMap(ROOT.meta),
    members: doc.getMap(ROOT.members),
    clients: doc.getMap(ROOT.clients),
    tags: doc.getMap(ROOT.tags),
    highlights: doc.getMap(ROOT.highlights),
    notes: doc.getMap(ROOT.notes),
    memos: doc.getMap(ROOT.memos),
    documents: doc.getMap(ROOT.documents),
  };
}

/** True if `key` of a highlight map is a tag application (tag ids are 22 characters, layout keys 1). */
export function isApplicationKey(key: string): key is TagId {
  return key.length > 2;
}
