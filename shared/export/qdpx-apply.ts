/**
 * `applyQdpx(doc, project, options)`: writes a read REFI-QDA project (qdpx-read.ts) into a
 * project doc, and `importQdpx` does both steps.
 *
 * What comes over: users → members and codes → tags (qdpx-identities.ts); every coded or
 * annotated span → one highlight per (source, start, end), made by the selection's user,
 * with each code applied by the user who applied it; the selection's notes → notes on the
 * highlight by their authors (a further note our own export wrote as “Reply by …” → a reply
 * to the note before it); notes about a source, a code or the project → memos of the
 * document, the code or the project (so is a note no selection refers to). Offsets go from
 * the file's code points to UTF-16, through the document's offset map to its canonical
 * text, and `describe` makes the stored selectors there, so a highlight lands on exactly
 * the text it had. What is already in the project (same id) is not written again.
 *
 * Attribution is by Yjs client (docs/architecture.md §5), so each person's writes are made
 * on a scratch replica of their own, registered to their member; the replicas are merged
 * into one scratch copy of the project, and the project receives the result as one update
 * under the import origin: undo never captures it, and on any error the project is untouched.
 */
import * as Y from 'yjs';
import { describe } from '../anchoring/describe.ts';
import { addHighlight, applyTag } from '../model/highlights.ts';
import { newId as randomId, type HighlightId, type IdGenerator, type MemberId, type NoteId, type ReplyId } from '../model/ids.ts';
import { NOTE, roots } from '../model/layout.ts';
import { codeMemoSubject, documentMemoSubject, PROJECT_MEMO } from '../model/memo-subjects.ts';
import { startMemo } from '../model/memos.ts';
import { addNote, addReply } from '../model/notes.ts';
import { importOrigin } from '../model/origins.ts';
import { createProject, getProjectMeta, setMember } from '../model/project.ts';
import { checkSchema } from '../model/schema.ts';
import { createTag } from '../model/tags.ts';
import type { Actor } from '../model/write.ts';
import { bundledTarget, chooseMembers, chooseTags, idOfGuid, type AddQdpxSource, type QdpxArticle, type QdpxDocumentTarget } from './qdpx-identities.ts';
import type { QdpxNote, QdpxProject, QdpxSelection, QdpxSkipped } from './qdpx-project.ts';
import { QdpxRefusal, readQdpx } from './qdpx-read.ts';
import { ScratchWriter } from './qdpx-scratch.ts';
import type { QdpxLimits } from './qdpx-archive.ts';

export type { AddQdpxSource, QdpxArticle, QdpxDocumentTarget } from './qdpx-identities.ts';

/** How to import. */
export type ApplyQdpxOptions = {
  /** The bundled articles sources are matched against (id, canonical text, content hash). */
  readonly articles: readonly QdpxArticle[];
  /** Adds a source that is no bundled article as a document; without it such sources are skipped. */
  readonly addSource?: AddQdpxSource;
  /**
   * Who imports: creates the codes, documents and, in an empty doc, the project, and is
   * credited with what the file attributes to nobody. Default: the member of the project's
   * creating user, else of its first user, else a new member “Imported (REFI-QDA)”.
   */
  readonly importer?: MemberId;
  /** Clock for what the file gives no time (ms); default Date.now. */
  readonly now?: () => number;
  /** Id source for what the file gives no UUID; default random. */
  readonly newId?: IdGenerator;
};

/** What an import brought. */
export type QdpxImportCounts = {
  readonly membersCreated: number;
  readonly membersReused: number;
  readonly codesCreated: number;
  readonly codesReused: number;
  readonly documentsMatched: number;
  readonly documentsAdded: number;
  readonly highlights: number;
  readonly codings: number;
  readonly notes: number;
  readonly replies: number;
  readonly memos: number;
};

/** The report of an import: counts and every skipped item, or the one reason it was refused. */
export type QdpxImportReport =
  | { readonly ok: true; readonly project: string; readonly counts: QdpxImportCounts; readonly skipped: readonly QdpxSkipped[] }
  | { readonly ok: false; readonly error: string };

type Counts = { -readonly [K in keyof QdpxImportCounts]: number };
const isReply = (note: QdpxNote | undefined) => note !== undefined && /^Reply by .+ to the note on /.test(note.name);

/** Writes `project` into `doc` (see the module comment); on refusal `doc` is untouched. */
export function applyQdpx(doc: Y.Doc, project: QdpxProject, options: ApplyQdpxOptions): QdpxImportReport {
  const schema = checkSchema(doc);
  if (!schema.writable) return { ok: false, error: `read-only project: ${schema.reason}` };
  const newId = options.newId ?? randomId;
  const now = options.now ?? Date.now;
  const skipped: QdpxSkipped[] = [...project.skipped];
  const counts: Counts = { membersCreated: 0, membersReused: 0, codesCreated: 0, codesReused: 0, documentsMatched: 0, documentsAdded: 0, highlights: 0, codings: 0, notes: 0, replies: 0, memos: 0 };
  try {
    const members = chooseMembers(doc, project.users, newId);
    const fallbackGuid = project.creatingUserGuid ?? project.users[0]?.guid;
    let importer = options.importer ?? (fallbackGuid !== undefined ? members.get(fallbackGuid)?.member : undefined);
    const writer = new ScratchWriter(doc, now, newId);
    if (importer === undefined) {
      const member = newId() as MemberId;
      importer = member;
      writer.step(member, undefined, (replica, actor) => setMember(replica, actor, { name: 'Imported (REFI-QDA)', colour: '#607d8b' }));
      counts.membersCreated++;
    }
    const by = (guid: string | undefined): MemberId => (guid !== undefined ? members.get(guid)?.member : undefined) ?? (importer as MemberId);
    if (getProjectMeta(doc).id === undefined) writer.step(importer, undefined, (replica, actor) => void createProject(replica, actor, { name: project.name || 'Imported REFI-QDA project' }));
    for (const choice of members.values()) {
      if (!choice.isNew) counts.membersReused++;
      else {
        counts.membersCreated++;
        writer.step(choice.member, undefined, (replica, actor) => setMember(replica, actor, { name: choice.name, colour: choice.colour }));
      }
    }
    const tags = new Map<string, (typeof chosen)[number]['tag']>();
    const chosen = chooseTags(doc, project.codes, newId);
    for (const choice of chosen) {
      tags.set(choice.guid, choice.tag);
      if (!choice.isNew) counts.codesReused++;
      else {
        counts.codesCreated++;
        writer.step(importer, undefined, (replica, actor) => void createTag(replica, actor, { id: choice.tag, name: choice.name, colour: choice.colour, description: choice.description, parentId: choice.parent }));
      }
    }
    writer.flush();

    const notes = new Map(project.notes.map((note) => [note.guid, note]));
    const placed = new Set<string>();
    const memo = (subject: string, guid: string) => {
      const note = notes.get(guid);
      if (note === undefined || placed.has(guid)) return;
      placed.add(guid);
      const id = idOfGuid(guid);
      if (id !== undefined && roots(doc).memos.has(id)) return void skipped.push({ kind: 'note', guid, name: note.name, reason: 'already in this project' });
      counts.memos++;
      writer.step(by(note.userGuid), note.created, (replica, actor) => void startMemo(replica, actor, subject, note.text || note.name, id as never));
    };
    const sourceMemos: [string, readonly string[]][] = [];
    const highlightNotes: { highlight: HighlightId; refs: string[] }[] = [];
    for (const source of project.sources) {
      let target: QdpxDocumentTarget | undefined = bundledTarget(source, options.articles);
      if (target) counts.documentsMatched++;
      else if (options.addSource) {
        const add = options.addSource;
        target = writer.now(importer, (replica, actor) => add(replica, actor, source));
        if (target) counts.documentsAdded++;
      }
      if (!target) {
        skipped.push({ kind: 'source', guid: source.guid, name: source.name, reason: 'its text is none of the bundled articles, and this import cannot add documents' });
        for (const selection of source.selections) skipped.push({ kind: 'selection', guid: selection.guid, name: selection.name, reason: `its source “${source.name}” is not imported` });
        continue;
      }
      sourceMemos.push([documentMemoSubject(target.documentId), source.noteRefs]);
      const spans = new Map<string, QdpxSelection[]>();
      for (const selection of source.selections) {
        const key = `${selection.start}:${selection.end}`;
        spans.set(key, [...(spans.get(key) ?? []), selection]);
      }
      for (const group of spans.values()) {
        const first = group[0] as QdpxSelection;
        const start = target.toCanonical(first.start);
        const end = target.toCanonical(first.end);
        const skipGroup = (reason: string) => group.forEach((selection) => skipped.push({ kind: 'selection', guid: selection.guid, name: selection.name, reason }));
        if (!(Number.isInteger(start) && Number.isInteger(end) && start >= 0 && end > start && end <= target.text.length)) {
          skipGroup(`its span does not map into the document's text (${start}..${end})`);
          continue;
        }
        const idFromGuid = idOfGuid(first.guid) as HighlightId | undefined;
        if (idFromGuid !== undefined && roots(doc).highlights.has(idFromGuid)) {
          skipGroup('already in this project');
          highlightNotes.push({ highlight: idFromGuid, refs: group.flatMap((selection) => selection.noteRefs) });
          continue;
        }
        const highlight = (idFromGuid ?? newId()) as HighlightId;
        const selectors = describe(target.text, { start, end });
        const documentId = target.documentId;
        const hash = target.hash;
        counts.highlights++;
        writer.step(by(first.userGuid), first.created, (replica, actor) => void addHighlight(replica, actor, { id: highlight, documentId, documentHash: hash, position: selectors.position, quote: selectors.quote }));
        const applied = new Map<string, MemberId>();
        for (const coding of group.flatMap((selection) => selection.codings.map((one) => ({ ...one, userGuid: one.userGuid ?? selection.userGuid })))) {
          const tag = tags.get(coding.codeGuid);
          if (tag === undefined) continue;
          const coder = by(coding.userGuid);
          const earlier = applied.get(tag);
          if (earlier !== undefined) {
            skipped.push({ kind: 'coding', guid: coding.guid, reason: `the same code on the same span was applied already${earlier === coder ? '' : ' by another user'}: Marginalia keeps one application per code` });
            continue;
          }
          applied.set(tag, coder);
          counts.codings++;
          writer.step(coder, coding.created, (replica, actor) => void applyTag(replica, actor, highlight, tag), 1);
        }
        highlightNotes.push({ highlight, refs: group.flatMap((selection) => selection.noteRefs) });
      }
    }
    const existingReplies = new Set<string>();
    roots(doc).notes.forEach((map) => {
      const replies = map.get(NOTE.replies);
      if (replies instanceof Y.Map) for (const id of replies.keys()) existingReplies.add(id);
    });
    for (const { highlight, refs } of highlightNotes) {
      let current: NoteId | undefined;
      for (const guid of refs) {
        const note = notes.get(guid);
        if (note === undefined || placed.has(guid)) continue;
        placed.add(guid);
        const id = idOfGuid(guid);
        if (id !== undefined && (roots(doc).notes.has(id) || existingReplies.has(id))) {
          skipped.push({ kind: 'note', guid, name: note.name, reason: 'already in this project' });
          continue;
        }
        const text = note.text || note.name;
        if (current !== undefined && isReply(note)) {
          const parent = current;
          counts.replies++;
          writer.step(by(note.userGuid), note.created, (replica, actor) => void addReply(replica, actor, parent, text, (id ?? newId()) as ReplyId), 3);
        } else {
          const noteId = (id ?? newId()) as NoteId;
          current = noteId;
          counts.notes++;
          writer.step(by(note.userGuid), note.created, (replica, actor) => void addNote(replica, actor, highlight, text, noteId), 2);
        }
      }
    }
    for (const [subject, refs] of sourceMemos) for (const guid of refs) memo(subject, guid);
    for (const choice of chosen) for (const guid of project.codes.length > 0 ? codeNoteRefs(project, choice.guid) : []) memo(codeMemoSubject(choice.tag), guid);
    for (const guid of [...project.projectNoteRefs, ...project.notes.map((note) => note.guid)]) memo(PROJECT_MEMO, guid);
    writer.flush();
    writer.commit(importOrigin);
    return { ok: true, project: getProjectMeta(doc).name, counts, skipped };
  } catch (error) {
    return { ok: false, error: `the import failed and changed nothing: ${error instanceof Error ? error.message : String(error)}` };
  }
}

function codeNoteRefs(project: QdpxProject, guid: string): readonly string[] {
  const find = (codes: QdpxProject['codes']): readonly string[] | undefined => {
    for (const code of codes) {
      if (code.guid === guid) return code.noteRefs;
      const inner = find(code.children);
      if (inner) return inner;
    }
    return undefined;
  };
  return find(project.codes) ?? [];
}

/** Reads `bytes` as a `.qdpx` and writes it into `doc`; a refusal (unreadable file) leaves `doc` untouched. */
export function importQdpx(doc: Y.Doc, bytes: Uint8Array, options: ApplyQdpxOptions & { readonly limits?: QdpxLimits }): QdpxImportReport {
  let project: QdpxProject;
  try {
    project = readQdpx(bytes, options.limits);
  } catch (error) {
    if (error instanceof QdpxRefusal) return { ok: false, error: error.message };
    throw error;
  }
  return applyQdpx(doc, project, options);
}
