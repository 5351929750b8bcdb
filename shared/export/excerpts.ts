/**
 * The excerpt query: which highlights of a project an export contains, and everything about
 * each of them, resolved against the loaded articles.
 *
 * Reads the project only through the model's read functions (`createViewContext`,
 * `highlightView`, `listMembers`, `getProjectMeta`), so merges, trashed tags and notes,
 * and "who applied a tag" are resolved exactly as the app shows them. Trashed highlights
 * are left out. Each highlight is placed on the current article text with the anchoring
 * module; one that no longer anchors is kept with its stored quote and offsets and flagged
 * `anchored: false` (docs/architecture.md §4: never dropped).
 */
import type * as Y from 'yjs';
import { anchor } from '../anchoring/anchor.ts';
import type { Article } from '../documents/article.ts';
import { sameDocumentVersion } from '../model/highlights.ts';
import type { HighlightId, MemberId, TagId } from '../model/ids.ts';
import { roots } from '../model/layout.ts';
import { getProjectMeta, listMembers } from '../model/project.ts';
import type { SkipLog } from '../model/read-guards.ts';
import type { TagIndex } from '../model/tag-index.ts';
import { createViewContext, highlightView, type HighlightView, type NoteView } from '../model/views.ts';
import type { CodebookEntry, Excerpt, ExcerptNote, ExcerptPerson, ExportContext } from './excerpt.ts';
import { exportMemos } from './export-memos.ts';
import { excerptOrder, sortExcerpts, type ExcerptSort } from './sort.ts';
import { CodePointIndex, isoTime } from './units.ts';

/** Which highlights to export; every given criterion must hold. */
export type ExcerptFilter = {
  /** Tags (a parent includes its descendants; merged tags resolve to their target). */
  readonly tags?: readonly TagId[];
  /** 'any' (default): carries at least one of `tags`; 'all': carries each of them. */
  readonly tagMatch?: 'any' | 'all';
  /** Highlights created, tagged or annotated by any of these members (the app's filter semantics). */
  readonly members?: readonly MemberId[];
  readonly documents?: readonly string[];
  /** Created at or after (ms since the epoch). */
  readonly from?: number;
  /** Created at or before (ms since the epoch). */
  readonly to?: number;
  /** Only highlights with at least one live note. */
  readonly withNote?: boolean;
};

export type { ExcerptSort } from './sort.ts';

/** Per-article data computed once per query. */
type ArticleIndex = {
  readonly article: Article;
  readonly codePoints: CodePointIndex;
  /** Heading path of each outline entry (titles, outermost first). */
  readonly headingPaths: readonly (readonly string[])[];
};

function indexArticle(article: Article): ArticleIndex {
  const stack: { level: number; title: string }[] = [];
  const headingPaths = article.outline.map((entry) => {
    while (stack.length > 0 && (stack[stack.length - 1] as { level: number }).level >= entry.level) stack.pop();
    stack.push({ level: entry.level, title: entry.title });
    return stack.map((heading) => heading.title);
  });
  return { article, codePoints: new CodePointIndex(article.text), headingPaths };
}

/** Titles of the headings enclosing `offset` (the last heading starting at or before it, with its ancestors). */
function headingPathAt(index: ArticleIndex, offset: number): readonly string[] {
  const outline = index.article.outline;
  let low = 0;
  let high = outline.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((outline[middle] as { offset: number }).offset <= offset) low = middle + 1;
    else high = middle;
  }
  return low === 0 ? [] : (index.headingPaths[low - 1] as readonly string[]);
}

function tagPath(tagIndex: TagIndex, id: TagId): string[] {
  const path: string[] = [];
  const seen = new Set<TagId>();
  let current: TagId | null = id;
  while (current !== null && !seen.has(current)) {
    seen.add(current);
    const tag = tagIndex.tags.get(current);
    if (!tag) break;
    path.unshift(tag.name);
    current = tag.parentId;
  }
  return path;
}

/** The live codebook in tree order (parents before children, siblings by name). */
export function codebookEntries(tagIndex: TagIndex): CodebookEntry[] {
  const out: CodebookEntry[] = [];
  const visit = (parent: TagId | null) => {
    for (const id of tagIndex.children(parent)) {
      const tag = tagIndex.tags.get(id);
      if (!tag) continue;
      out.push({ id, name: tag.name, colour: tag.colour, description: tag.description, parentId: parent });
      visit(id);
    }
  };
  visit(null);
  return out;
}

function matches(view: HighlightView, filter: ExcerptFilter, tagSets: readonly ReadonlySet<TagId>[] | undefined, members: ReadonlySet<MemberId> | undefined): boolean {
  if (filter.documents && !filter.documents.includes(view.documentId)) return false;
  if (filter.from !== undefined && view.createdAt < filter.from) return false;
  if (filter.to !== undefined && view.createdAt > filter.to) return false;
  if (filter.withNote && view.notes.length === 0) return false;
  if (tagSets) {
    const carried = (set: ReadonlySet<TagId>) => view.tags.some((applied) => set.has(applied.tag.id));
    if (filter.tagMatch === 'all' ? !tagSets.every(carried) : !tagSets.some(carried)) return false;
  }
  if (members) {
    const involved =
      members.has(view.createdBy) ||
      view.tags.some((applied) => applied.by !== undefined && members.has(applied.by)) ||
      view.notes.some((note) => members.has(note.createdBy) || note.replies.some((reply) => !reply.deleted && members.has(reply.createdBy)));
    if (!involved) return false;
  }
  return true;
}

/**
 * Runs the excerpt query: live highlights of `project` matching `filter`, as excerpts, in
 * `sort` order. Records that cannot be read are left out and listed in `skipped`.
 */
export function queryExcerpts(
  project: Y.Doc,
  articles: readonly Article[],
  filter: ExcerptFilter = {},
  sort: ExcerptSort = 'document',
  skipped?: SkipLog,
): Excerpt[] {
  const run = startExcerptQuery(project, articles, filter, skipped);
  run.step(Number.POSITIVE_INFINITY);
  return run.finish(sort);
}

/** The excerpt query taken a batch of highlights at a time ({@link startExcerptQuery}). */
export interface ExcerptQueryRun {
  /** Highlights the query goes through (those in the project when it started). */
  readonly total: number;
  /** Highlights gone through so far. */
  readonly done: number;
  /** Goes through up to `count` more highlights; true once all have been. */
  step(count: number): boolean;
  /** The excerpts found, in `sort` order (call once every step is done). */
  finish(sort: ExcerptSort): Excerpt[];
}

/**
 * Starts the excerpt query without running it, so a caller can go through the highlights
 * in batches and yield between them; stepping to the end and finishing gives exactly
 * {@link queryExcerpts}'s list. Highlights removed from the project meanwhile are skipped.
 */
export function startExcerptQuery(project: Y.Doc, articles: readonly Article[], filter: ExcerptFilter = {}, skipped?: SkipLog): ExcerptQueryRun {
  const context = createViewContext(project, skipped);
  const tagIndex = context.tagIndex;
  const names = new Map(listMembers(project, skipped).map((member) => [member.id as string, member.name]));
  const person = (id: MemberId): ExcerptPerson => ({ id, name: names.get(id) ?? '' });
  const articleIndex = new Map<string, ArticleIndex | undefined>();
  const byId = new Map(articles.map((article) => [article.meta.id as string, article]));
  // Indexed when first needed: a filtered query touches only its documents.
  const indexOf = (id: string): ArticleIndex | undefined => {
    if (!articleIndex.has(id)) articleIndex.set(id, byId.has(id) ? indexArticle(byId.get(id) as Article) : undefined);
    return articleIndex.get(id);
  };
  const tagSets = filter.tags?.map((tag) => tagIndex.descendants(tagIndex.resolve(tag)));
  const members = filter.members ? new Set(filter.members) : undefined;
  const paths = new Map<TagId, string[]>();
  const pathOf = (id: TagId) => paths.get(id) ?? paths.set(id, tagPath(tagIndex, id)).get(id) as string[];
  const highlights = roots(project).highlights;
  const keys = [...highlights.keys()];
  const out: Excerpt[] = [];
  let done = 0;
  return {
    total: keys.length,
    get done() {
      return done;
    },
    step(count) {
      const end = Math.min(keys.length, done + count);
      for (; done < end; done += 1) {
        const key = keys[done] as string;
        const map = highlights.get(key);
        const view = map === undefined ? undefined : highlightView(context, key as HighlightId, map);
        if (view === undefined || view.deleted || !matches(view, filter, tagSets, members)) continue;
        out.push(toExcerpt(view, indexOf(view.documentId), person, pathOf));
      }
      return done >= keys.length;
    },
    finish(sort) {
      return sortExcerpts(out, sort, excerptOrder(articles.map((article) => article.meta.id), codebookEntries(tagIndex)));
    },
  };
}

function noteOf(note: NoteView, person: (id: MemberId) => ExcerptPerson): ExcerptNote {
  return {
    id: note.id,
    text: note.text,
    author: person(note.createdBy),
    created: isoTime(note.createdAt),
    modified: isoTime(Math.max(note.createdAt, note.updatedAt ?? 0)),
    replies: note.replies
      .filter((reply) => reply.deleted === null)
      .map((reply) => ({
        id: reply.id,
        text: reply.text,
        author: person(reply.createdBy),
        created: isoTime(reply.createdAt),
        modified: isoTime(Math.max(reply.createdAt, reply.updatedAt ?? 0)),
      })),
  };
}

function toExcerpt(
  view: HighlightView,
  index: ArticleIndex | undefined,
  person: (id: MemberId) => ExcerptPerson,
  pathOf: (id: TagId) => string[],
): Excerpt {
  const placed = index
    ? anchor(
        index.article.text,
        { position: view.position, quote: view.quote },
        { hash: index.article.hash, expectedHash: sameDocumentVersion(view.documentHash, index.article.hash) ? index.article.hash : view.documentHash },
      )
    : undefined;
  const anchored = placed?.status === 'anchored' ? placed : undefined;
  const utf16 = anchored ? { start: anchored.start, end: anchored.end } : view.position;
  const quote = anchored && index ? index.article.text.slice(anchored.start, anchored.end) : view.quote.exact;
  let codePoints = utf16;
  if (anchored && index) codePoints = { start: index.codePoints.toCodePoints(utf16.start), end: index.codePoints.toCodePoints(utf16.end) };
  const notes = view.notes.map((note) => noteOf(note, person));
  const times = [
    view.createdAt,
    ...view.tags.map((applied) => applied.at),
    ...view.notes.flatMap((note) => [note.createdAt, note.updatedAt ?? 0, ...note.replies.flatMap((reply) => [reply.createdAt, reply.updatedAt ?? 0])]),
  ];
  const meta = index?.article.meta;
  return {
    id: view.id,
    quote,
    prefix: view.quote.prefix,
    suffix: view.quote.suffix,
    document: {
      id: view.documentId,
      title: meta?.title ?? view.documentId,
      author: meta?.author ?? null,
      publisher: meta?.publisher ?? null,
      hash: index?.article.hash ?? view.documentHash,
    },
    headingPath: anchored && index ? headingPathAt(index, utf16.start) : [],
    paragraph: anchored && index ? index.article.textMap.blockAt(utf16.start).index + 1 : 0,
    utf16,
    codePoints,
    anchored: anchored !== undefined,
    highlightedBy: person(view.createdBy),
    tags: view.tags.map((applied) => ({
      id: applied.tag.id,
      name: applied.tag.name,
      path: pathOf(applied.tag.id),
      colour: applied.tag.colour,
      appliedBy: applied.by === undefined ? undefined : person(applied.by),
      appliedAt: isoTime(applied.at),
    })),
    notes,
    created: isoTime(view.createdAt),
    modified: isoTime(Math.max(...times)),
  };
}

/** The project-wide context of an export: meta, live codebook, members, the articles' texts and the memos (unreadable records go to `skipped`). */
export function buildExportContext(project: Y.Doc, articles: readonly Article[], exportedAt: string, skipped?: SkipLog): ExportContext {
  const meta = getProjectMeta(project);
  const tagIndex = createViewContext(project, skipped).tagIndex;
  const members = listMembers(project, skipped).map((member) => ({ id: member.id, name: member.name }));
  return {
    projectId: meta.id ?? 'unnamed-project',
    projectName: meta.name,
    exportedAt,
    codebook: codebookEntries(tagIndex),
    members,
    documents: articles.map((article) => ({ id: article.meta.id, title: article.meta.title, hash: article.hash, text: article.text })),
    memos: exportMemos(project, articles, tagIndex, members, skipped),
  };
}
