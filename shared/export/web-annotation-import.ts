/**
 * Importing our own Web Annotation export back into a project, so an export is also a
 * backup: highlights (ids, documents, selectors, creator, time), the codebook (ids, names,
 * colours, descriptions, hierarchy), tag applications (who, when), notes and replies.
 *
 * The whole file is parsed and checked into a plan before anything is written. The plan
 * is then executed on a scratch copy of the project, each person's changes from their own
 * scratch replica (the model records "who" per Yjs client, docs/architecture.md §5), and the result
 * is applied to the project as one update with the import origin. Any failure before that
 * last step leaves the project untouched. Entities that already exist (same id) are kept
 * as they are, so importing the same file twice changes nothing.
 *
 * Positions: the export counts code points; they are converted back to UTF-16 on the
 * current article text when its hash is the exported one. Otherwise (or for a document not
 * loaded) the quote selector is what re-anchors the highlight, as for any edited document.
 */
import * as Y from 'yjs';
import type { Article } from '../documents/article.ts';
import { addHighlight, applyTag } from '../model/highlights.ts';
import { uuidToId, type HighlightId, type MemberId, type NoteId, type ProjectId, type ReplyId, type TagId } from '../model/ids.ts';
import { roots } from '../model/layout.ts';
import { addNote, addReply } from '../model/notes.ts';
import { importOrigin } from '../model/origins.ts';
import { createProject, getProjectMeta, listMembers, setMember } from '../model/project.ts';
import { checkSchema } from '../model/schema.ts';
import { createTag } from '../model/tags.ts';
import type { Actor } from '../model/write.ts';
import { IMPORT_MAX_BYTES } from './codebook-import.ts';
import { CodePointIndex } from './units.ts';
import { ANNO_CONTEXT } from './web-annotation.ts';

/** The platform's UTF-8 decoder (the shared tsconfig has no DOM lib). */
declare const TextDecoder: new (label: string, options?: { fatal?: boolean }) => { decode(input: Uint8Array): string };

/** What an import did, or why it did nothing. */
export type WebAnnotationImportResult =
  | { readonly ok: true; readonly highlights: number; readonly tags: number; readonly notes: number; readonly replies: number; readonly skipped: number }
  | { readonly ok: false; readonly error: string };

class ImportError extends Error {}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
function need<T>(value: T | undefined | null, what: string): T {
  if (value === undefined || value === null) throw new ImportError(what);
  return value;
}
function str(value: unknown, what: string): string {
  if (typeof value !== 'string') throw new ImportError(`${what} is missing or not text`);
  return value;
}
function time(value: unknown, what: string): number {
  const ms = Date.parse(str(value, what));
  if (!Number.isFinite(ms)) throw new ImportError(`${what} is not a date`);
  return ms;
}
function uuidUrn(value: unknown, what: string): string {
  const text = str(value, what);
  const match = /^urn:uuid:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i.exec(text);
  if (!match) throw new ImportError(`${what} is not a urn:uuid`);
  return uuidToId(match[1] as string);
}

type Agent = { id: MemberId; name: string };
type Step = { member: MemberId; at: number; run: (doc: Y.Doc, actor: Actor) => void };

function agentOf(value: unknown, what: string): Agent {
  if (!isObject(value)) throw new ImportError(`${what} is missing`);
  return { id: uuidUrn(value.id, `${what} id`) as MemberId, name: typeof value.name === 'string' ? value.name : '' };
}

/** Reads and checks the whole file into ordered steps; throws ImportError naming the first problem. */
function plan(collection: unknown, articles: readonly Article[], existing: Y.Doc, importer: MemberId): { steps: Step[]; counts: Omit<Extract<WebAnnotationImportResult, { ok: true }>, 'ok'>; members: Map<MemberId, string>; project?: { id: ProjectId; name: string } } {
  if (!isObject(collection) || collection.type !== 'AnnotationCollection') throw new ImportError('not a Web Annotation collection');
  const context = collection['@context'];
  if (!(context === ANNO_CONTEXT || (Array.isArray(context) && context.includes(ANNO_CONTEXT)))) throw new ImportError('the collection does not use the Web Annotation context');
  const page = need(isObject(collection.first) ? collection.first : undefined, 'the collection has no first page');
  const items = need(Array.isArray(page.items) ? (page.items as unknown[]) : undefined, 'the first page has no items');
  const documents = new Map<string, { documentId: string; hash: string }>();
  for (const entry of (collection['mg:documents'] as unknown[] | undefined) ?? []) {
    if (!isObject(entry)) throw new ImportError('a mg:documents entry is malformed');
    documents.set(str(entry.id, 'document urn'), { documentId: str(entry.documentId, 'document id'), hash: str(entry.hash, 'document hash') });
  }
  const articleById = new Map(articles.map((article) => [article.meta.id as string, article]));
  const codePoints = new Map<string, CodePointIndex>();
  const members = new Map<MemberId, string>();
  for (const entry of (collection['mg:members'] as unknown[] | undefined) ?? []) {
    const agent = agentOf(entry, 'a member');
    members.set(agent.id, agent.name);
  }
  const steps: Step[] = [];
  const counts = { highlights: 0, tags: 0, notes: 0, replies: 0, skipped: 0 };
  const existingTags = roots(existing).tags;
  const tagByLabel = new Map<string, TagId>();
  const codebook = (collection['mg:codebook'] as unknown[] | undefined) ?? [];
  const names = new Map<string, string>();
  const parents = new Map<string, string | null>();
  for (const entry of codebook) {
    if (!isObject(entry)) throw new ImportError('a codebook entry is malformed');
    const id = uuidUrn(entry.id, 'a tag id') as TagId;
    const name = str(entry.name, 'a tag name');
    const parent = entry.parent === null || entry.parent === undefined ? null : (uuidUrn(entry.parent, 'a tag parent') as TagId);
    names.set(id, name);
    parents.set(id, parent);
    if (parent !== null && !names.has(parent)) throw new ImportError(`tag "${name}" comes before its parent`);
    const colour = typeof entry.colour === 'string' ? entry.colour : undefined;
    const description = typeof entry.description === 'string' ? entry.description : '';
    if (!existingTags.has(id)) {
      counts.tags++;
      steps.push({ member: importer, at: 0, run: (doc, actor) => void createTag(doc, actor, { id, name, ...(colour ? { colour } : {}), description, parentId: parent }) });
    }
  }
  const pathOf = (id: string): string => {
    const parent = parents.get(id);
    return parent ? `${pathOf(parent)} / ${names.get(id)}` : (names.get(id) as string);
  };
  for (const id of names.keys()) {
    tagByLabel.set(pathOf(id), id as TagId);
    if ([...names.values()].filter((name) => name === names.get(id)).length === 1) tagByLabel.set(names.get(id) as string, id as TagId);
  }
  const threads = new Map<string, string[]>();
  for (const [note, replies] of Object.entries(isObject(collection['mg:threads']) ? collection['mg:threads'] : {})) {
    if (!Array.isArray(replies)) throw new ImportError('mg:threads is malformed');
    threads.set(note, replies.map((reply) => str(reply, 'a reply id')));
  }
  const replyIds = new Set([...threads.values()].flat());

  for (const item of items) {
    if (!isObject(item) || item.type !== 'Annotation') throw new ImportError('an item is not an Annotation');
    const id = uuidUrn(item.id, 'an annotation id') as HighlightId;
    const creator = agentOf(item.creator, `the creator of ${String(item.id)}`);
    if (!members.has(creator.id)) members.set(creator.id, creator.name);
    const created = time(item.created, `the created time of ${String(item.id)}`);
    const target = need(isObject(item.target) ? item.target : undefined, `${String(item.id)} has no target`);
    const source = str(target.source, 'a target source');
    const document = documents.get(source);
    const documentId = document?.documentId ?? decodeURIComponent(source.replace(/^urn:marginalia:document:/, ''));
    const selectors = need(Array.isArray(target.selector) ? (target.selector as unknown[]) : undefined, `${String(item.id)} has no selectors`);
    const quote = selectors.find((selector) => isObject(selector) && selector.type === 'TextQuoteSelector') as Json | undefined;
    if (!quote) throw new ImportError(`${String(item.id)} has no TextQuoteSelector`);
    const exact = str(quote.exact, 'a quote');
    const positionSelector = selectors.find((selector) => isObject(selector) && selector.type === 'TextPositionSelector') as Json | undefined;
    let position = { start: 0, end: 0 };
    if (positionSelector) {
      const start = positionSelector.start;
      const end = positionSelector.end;
      if (!Number.isInteger(start) || !Number.isInteger(end) || (start as number) < 0 || (end as number) < (start as number)) throw new ImportError(`${String(item.id)} has an invalid position`);
      position = { start: start as number, end: end as number };
      const article = articleById.get(documentId);
      if (article && document && article.hash === document.hash) {
        const index = codePoints.get(documentId) ?? new CodePointIndex(article.text);
        codePoints.set(documentId, index);
        try {
          position = { start: index.toUtf16(position.start), end: index.toUtf16(position.end) };
        } catch {
          throw new ImportError(`${String(item.id)} points outside its document`);
        }
      }
    }
    if (roots(existing).highlights.has(id)) {
      counts.skipped++;
      continue;
    }
    counts.highlights++;
    const hash = document?.hash ?? '';
    const prefix = typeof quote.prefix === 'string' ? quote.prefix : '';
    const suffix = typeof quote.suffix === 'string' ? quote.suffix : '';
    steps.push({ member: creator.id, at: created, run: (doc, actor) => void addHighlight(doc, actor, { id, documentId, documentHash: hash, position, quote: { exact, prefix, suffix } }) });
    const bodies = item.body === undefined ? [] : Array.isArray(item.body) ? (item.body as unknown[]) : [item.body];
    let currentNote: NoteId | undefined;
    for (const body of bodies) {
      if (!isObject(body) || body.type !== 'TextualBody') throw new ImportError(`${String(item.id)} has a body that is not a TextualBody`);
      const value = str(body.value, 'a body value');
      const who = body.creator === undefined ? creator : agentOf(body.creator, 'a body creator');
      if (!members.has(who.id)) members.set(who.id, who.name);
      const at = body.created === undefined ? created : time(body.created, 'a body created time');
      if (body.purpose === 'tagging') {
        const tag = need(tagByLabel.get(value), `tag "${value}" is not in the codebook of the file`);
        steps.push({ member: who.id, at, run: (doc, actor) => void applyTag(doc, actor, id, tag) });
      } else if (body.purpose === 'commenting') {
        const bodyId = str(body.id, 'a comment id');
        if (replyIds.has(bodyId)) {
          const note = need(currentNote, `reply ${bodyId} comes before its note`);
          const replyId = uuidUrn(bodyId, 'a reply id') as ReplyId;
          counts.replies++;
          steps.push({ member: who.id, at, run: (doc, actor) => void addReply(doc, actor, note, value, replyId) });
        } else {
          const noteId = uuidUrn(bodyId, 'a note id') as NoteId;
          currentNote = noteId;
          counts.notes++;
          steps.push({ member: who.id, at, run: (doc, actor) => void addNote(doc, actor, id, value, noteId) });
        }
      } else throw new ImportError(`${String(item.id)} has a body with unknown purpose`);
    }
  }
  const project = isObject(collection['mg:project']) ? collection['mg:project'] : undefined;
  const projectId = project && typeof project.id === 'string' ? project.id : undefined;
  return { steps, counts, members, ...(projectId ? { project: { id: projectId as ProjectId, name: typeof project?.name === 'string' ? project.name : '' } } : {}) };
}

/**
 * Imports a Web Annotation collection exported by Marginalia into `doc`.
 * `importer` creates what has no author in the file (tags, and the project when `doc` is empty).
 */
export function importWebAnnotations(
  doc: Y.Doc,
  input: string | Uint8Array,
  options: { readonly articles: readonly Article[]; readonly importer: MemberId; readonly maxBytes?: number; readonly now?: () => number },
): WebAnnotationImportResult {
  const limit = options.maxBytes ?? IMPORT_MAX_BYTES;
  const size = typeof input === 'string' ? input.length : input.length;
  if (size > limit) return { ok: false, error: `the file is too large (${size} bytes, limit ${limit})` };
  const schema = checkSchema(doc);
  if (!schema.writable) return { ok: false, error: `read-only project: ${schema.reason}` };
  try {
    let parsed: unknown;
    try {
      parsed = JSON.parse(typeof input === 'string' ? input : new TextDecoder('utf-8', { fatal: true }).decode(input));
    } catch {
      throw new ImportError('the file is not valid JSON');
    }
    const { steps, counts, members, project } = plan(parsed, options.articles, doc, options.importer);
    const scratch = new Y.Doc();
    Y.applyUpdate(scratch, Y.encodeStateAsUpdate(doc));
    const replicas = new Map<MemberId, Y.Doc>();
    const run = (member: MemberId, at: number, fn: (replica: Y.Doc, actor: Actor) => void) => {
      let replica = replicas.get(member);
      if (!replica) {
        replica = new Y.Doc();
        replicas.set(member, replica);
      }
      Y.applyUpdate(replica, Y.encodeStateAsUpdate(scratch, Y.encodeStateVector(replica)));
      fn(replica, { member, now: () => at || (options.now ?? Date.now)() });
      Y.applyUpdate(scratch, Y.encodeStateAsUpdate(replica, Y.encodeStateVector(scratch)));
    };
    if (project && getProjectMeta(scratch).id === undefined) run(options.importer, 0, (replica, actor) => void createProject(replica, actor, project));
    const known = new Set(listMembers(scratch).map((member) => member.id));
    for (const [member, name] of members) if (!known.has(member)) run(member, 0, (replica, actor) => setMember(replica, actor, { name, colour: '#607d8b' }));
    for (const step of steps) run(step.member, step.at, step.run);
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(scratch, Y.encodeStateVector(doc)), importOrigin);
    return { ok: true, ...counts };
  } catch (error) {
    if (error instanceof ImportError) return { ok: false, error: `cannot import: ${error.message}` };
    return { ok: false, error: `cannot import: ${error instanceof Error ? error.message : String(error)}` };
  }
}
