/**
 * Who and what a REFI-QDA project's users, codes and sources become in the receiving
 * project (docs/architecture.md §5, "Importing a REFI-QDA project"):
 *
 * - a user is the member whose id its GUID encodes (our own export writes member ids as
 *   GUIDs), else the member with the same name (compared with the search folding: case,
 *   accents, Turkish i) — REFI-QDA knows people only by name, and a person importing their
 *   colleague's project expects to stay one person — else a new member, identified by the
 *   GUID when it is a UUID;
 * - a code is the tag whose id its GUID encodes, else the live tag with the same name
 *   (folded) under the same parent, else a new tag (id from the GUID), with the file's
 *   colour or the codebook palette's next colour, and its description;
 * - a source is the bundled article whose canonical text has the same content hash as the
 *   source's normalised text (how our own export comes back), else whatever the caller's
 *   `addSource` makes of it (a document added to the project), else it is skipped.
 */
import type * as Y from 'yjs';
import { contentHash } from '../documents/hash.ts';
import { uuidToId, type MemberId, type TagId } from '../model/ids.ts';
import { listMembers } from '../model/project.ts';
import { codeNameKey } from '../model/same-name-codes.ts';
import { buildTagIndex } from '../model/tag-index.ts';
import type { Actor } from '../model/write.ts';
import { flattenCodes, type QdpxCode, type QdpxTextSource, type QdpxUser } from './qdpx-project.ts';

/** The colours new codes without a colour get, in turn (the codebook's own palette). */
export const IMPORT_CODE_PALETTE = ['#f4c542', '#5aa9e6', '#7bc96f', '#f28482', '#b388eb', '#f6a75b', '#4fd1c5', '#e36bae', '#a3a380', '#6c8ead'] as const;
/** The colours new members get, in turn. */
const MEMBER_PALETTE = ['#e91e63', '#3f51b5', '#009688', '#ff9800', '#795548', '#607d8b', '#9c27b0', '#4caf50'] as const;

/** A bundled article a source may be: its id, canonical text and content hash. */
export type QdpxArticle = { readonly id: string; readonly text: string; readonly hash: string };

/** Where a source's selections land: a document, its canonical text and hash, and the offset map into it. */
export type QdpxDocumentTarget = {
  readonly documentId: string;
  /** The document's canonical text. */
  readonly text: string;
  /** Its content hash (`sha256:…`). */
  readonly hash: string;
  /** Maps a UTF-16 offset of the source's normalised text to an offset of the canonical text. */
  readonly toCanonical: (offset: number) => number;
};

/**
 * Adds a source that matches no bundled article as a document of the project (written on
 * `doc` by `actor`) and says where its selections land; undefined to skip the source.
 */
export type AddQdpxSource = (doc: Y.Doc, actor: Actor, source: QdpxTextSource) => QdpxDocumentTarget | undefined;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The compact id a GUID encodes, or undefined when the GUID is not a UUID. */
export function idOfGuid(guid: string): string | undefined {
  return UUID.test(guid) ? uuidToId(guid) : undefined;
}

/** A user's member: an existing one (by id, then name) or a new one to create. */
export type MemberChoice = { readonly guid: string; readonly member: MemberId; readonly name: string; readonly colour: string; readonly isNew: boolean };

/** Chooses the member of every user (see the module comment). */
export function chooseMembers(doc: Y.Doc, users: readonly QdpxUser[], newId: () => string): Map<string, MemberChoice> {
  const existing = listMembers(doc);
  const byId = new Map(existing.map((member) => [member.id as string, member]));
  const byName = new Map<string, (typeof existing)[number]>();
  for (const member of existing) if (member.name.trim() && !byName.has(codeNameKey(member.name))) byName.set(codeNameKey(member.name), member);
  const taken = new Set<string>(byId.keys());
  const out = new Map<string, MemberChoice>();
  let fresh = 0;
  for (const user of users) {
    const fromGuid = idOfGuid(user.guid);
    const found = (fromGuid !== undefined ? byId.get(fromGuid) : undefined) ?? (user.name ? byName.get(codeNameKey(user.name)) : undefined);
    if (found) {
      out.set(user.guid, { guid: user.guid, member: found.id, name: found.name, colour: found.colour, isNew: false });
      continue;
    }
    const id = (fromGuid !== undefined && !taken.has(fromGuid) ? fromGuid : newId()) as MemberId;
    taken.add(id);
    const name = user.name || `User ${user.guid.slice(0, 8)}`;
    out.set(user.guid, { guid: user.guid, member: id, name, colour: MEMBER_PALETTE[fresh++ % MEMBER_PALETTE.length] as string, isNew: true });
  }
  return out;
}

/** A code's tag: an existing one, or a new one to create with these fields. */
export type TagChoice =
  | { readonly guid: string; readonly tag: TagId; readonly isNew: false }
  | { readonly guid: string; readonly tag: TagId; readonly isNew: true; readonly name: string; readonly colour: string; readonly description: string; readonly parent: TagId | null };

/** Chooses the tag of every code, parents before children (see the module comment). */
export function chooseTags(doc: Y.Doc, codes: readonly QdpxCode[], newId: () => string): TagChoice[] {
  const index = buildTagIndex(doc);
  const live = new Map<string, TagId>();
  for (const [id, view] of index.tags) if (index.isLive(id)) live.set(`${view.parentId ?? ''}/${codeNameKey(view.name)}`, id);
  const byGuid = new Map<string, TagId>();
  const out: TagChoice[] = [];
  let palette = index.tags.size;
  for (const { code, parent } of flattenCodes(codes)) {
    const parentTag = parent === null ? null : (byGuid.get(parent) ?? null);
    const fromGuid = idOfGuid(code.guid) as TagId | undefined;
    const same = fromGuid !== undefined && index.tags.has(fromGuid) ? fromGuid : live.get(`${parentTag ?? ''}/${codeNameKey(code.name)}`);
    if (same !== undefined) {
      byGuid.set(code.guid, same);
      out.push({ guid: code.guid, tag: same, isNew: false });
      continue;
    }
    const tag = (fromGuid ?? newId()) as TagId;
    byGuid.set(code.guid, tag);
    const colour = code.colour ?? (IMPORT_CODE_PALETTE[palette++ % IMPORT_CODE_PALETTE.length] as string);
    out.push({ guid: code.guid, tag, isNew: true, name: code.name, colour, description: code.description, parent: parentTag });
  }
  return out;
}

/** The bundled article whose canonical text is `source`'s text, as a target with the identity offset map. */
export function bundledTarget(source: QdpxTextSource, articles: readonly QdpxArticle[]): QdpxDocumentTarget | undefined {
  const hash = contentHash(source.text);
  const article = articles.find((candidate) => candidate.hash === hash);
  return article ? { documentId: article.id, text: article.text, hash: article.hash, toCanonical: (offset) => offset } : undefined;
}
