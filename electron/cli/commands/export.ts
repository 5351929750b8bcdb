/**
 * `marginalia export`: writes the tagged excerpts of a project as CSV, Markdown, W3C Web
 * Annotation JSON-LD, a REFI-QDA project (.qdpx) or codebook (.qdc).
 *
 * The project comes from a saved project file (`--from FILE`) or a sync server
 * (`--server URL --project ID --token TOKEN`); the article texts from the documents folder.
 * Tags and members are named on the command line (case-insensitive; a tag also by its path
 * "Security / Military"). Every failure ends with exit code 1 (2 for usage errors) and one
 * line on stderr; the output file is written atomically, so a failed export never leaves a
 * half-written file.
 */
import { excerptsToCsv } from '#shared/export/csv.ts';
import { buildExportContext, queryExcerpts, type ExcerptFilter, type ExcerptSort } from '#shared/export/excerpts.ts';
import { excerptsToMarkdown } from '#shared/export/markdown.ts';
import { codebookToQdc, excerptsToQdpx } from '#shared/export/refi-qda.ts';
import { excerptsToWebAnnotationJson } from '#shared/export/web-annotation.ts';
import type { MemberId, TagId } from '#shared/model/ids.ts';
import { listMembers } from '#shared/model/project.ts';
import { createViewContext } from '#shared/model/views.ts';
import { readBundledDocuments } from '../../services/documents-fs.ts';
import { ExportSourceError, fetchProjectFromServer, loadProjectFile } from '../../services/export-project-source.ts';
import { ExportWriteError, writeFileAtomic } from '../../services/export-write.ts';
import type { CliCommand, CliIo } from '../command.ts';

const FORMATS = ['csv', 'md', 'jsonld', 'qdpx', 'qdc'] as const;
type Format = (typeof FORMATS)[number];

/** Parsed command line of `marginalia export`. */
export type ExportArgs = {
  format: Format;
  out: string;
  from?: string;
  server?: { url: string; projectId: string; token: string };
  tags: string[];
  allTags: boolean;
  members: string[];
  documents: string[];
  fromDate?: number;
  toDate?: number;
  withNote: boolean;
  sort: ExcerptSort;
  group: 'tag' | 'document';
  rows: 'excerpt' | 'tag';
  bom: boolean;
  timeoutMs?: number;
};

const USAGE =
  'marginalia export --format csv|md|jsonld|qdpx|qdc (--from FILE | --server URL --project ID --token TOKEN) --out FILE ' +
  '[--tag NAME]... [--all-tags] [--member NAME]... [--document ID]... [--from-date YYYY-MM-DD] [--to-date YYYY-MM-DD] ' +
  '[--with-note] [--sort document|tag|date] [--group tag|document] [--rows excerpt|tag] [--bom] [--timeout SECONDS]';

class UsageError extends Error {}

function parseDate(value: string, endOfDay: boolean): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})(T.*)?$/.exec(value);
  const ms = Date.parse(match && !match[4] ? `${value}T${endOfDay ? '23:59:59.999' : '00:00:00.000'}Z` : value);
  if (!match || !Number.isFinite(ms)) throw new UsageError(`"${value}" is not a date (use YYYY-MM-DD or an ISO 8601 time)`);
  return ms;
}

/** Parses the arguments after `export`; throws a usage error naming the first problem. */
export function parseExportArgs(args: readonly string[]): ExportArgs {
  const parsed: Partial<ExportArgs> & { tags: string[]; members: string[]; documents: string[] } = {
    tags: [], members: [], documents: [], allTags: false, withNote: false, bom: false, sort: 'document', group: 'tag', rows: 'excerpt',
  };
  let url: string | undefined;
  let projectId: string | undefined;
  let token: string | undefined;
  const queue = [...args];
  const value = (flag: string): string => {
    const next = queue.shift();
    if (next === undefined || next.startsWith('--')) throw new UsageError(`${flag} needs a value`);
    return next;
  };
  const oneOf = <T extends string>(flag: string, allowed: readonly T[]): T => {
    const given = value(flag);
    if (!(allowed as readonly string[]).includes(given)) throw new UsageError(`${flag} must be one of ${allowed.join(', ')} (got "${given}")`);
    return given as T;
  };
  while (queue.length > 0) {
    const flag = queue.shift() as string;
    switch (flag) {
      case '--format': parsed.format = oneOf(flag, FORMATS); break;
      case '--out': parsed.out = value(flag); break;
      case '--from': parsed.from = value(flag); break;
      case '--server': url = value(flag); break;
      case '--project': projectId = value(flag); break;
      case '--token': token = value(flag); break;
      case '--tag': parsed.tags.push(value(flag)); break;
      case '--all-tags': parsed.allTags = true; break;
      case '--member': parsed.members.push(value(flag)); break;
      case '--document': parsed.documents.push(value(flag)); break;
      case '--from-date': parsed.fromDate = parseDate(value(flag), false); break;
      case '--to-date': parsed.toDate = parseDate(value(flag), true); break;
      case '--with-note': parsed.withNote = true; break;
      case '--sort': parsed.sort = oneOf(flag, ['document', 'tag', 'date'] as const); break;
      case '--group': parsed.group = oneOf(flag, ['tag', 'document'] as const); break;
      case '--rows': parsed.rows = oneOf(flag, ['excerpt', 'tag'] as const); break;
      case '--bom': parsed.bom = true; break;
      case '--timeout': {
        const seconds = Number(value(flag));
        if (!(seconds > 0 && seconds <= 600)) throw new UsageError('--timeout must be a number of seconds between 0 and 600');
        parsed.timeoutMs = seconds * 1000;
        break;
      }
      default: throw new UsageError(flag.startsWith('-') ? `unknown option "${flag}"` : `unexpected argument "${flag}"`);
    }
  }
  if (!parsed.format) throw new UsageError('--format is required');
  if (!parsed.out) throw new UsageError('--out is required');
  const serverGiven = url !== undefined || projectId !== undefined || token !== undefined;
  if (parsed.from !== undefined && serverGiven) throw new UsageError('use either --from or --server, not both');
  if (serverGiven) {
    if (!url || !projectId || !token) throw new UsageError('--server needs --project and --token as well');
    parsed.server = { url, projectId, token };
  } else if (parsed.from === undefined) throw new UsageError('say where the project is: --from FILE or --server URL --project ID --token TOKEN');
  if (parsed.fromDate !== undefined && parsed.toDate !== undefined && parsed.fromDate > parsed.toDate) throw new UsageError('--from-date is after --to-date');
  return parsed as ExportArgs;
}

function fail(io: CliIo, message: string, code = 1): number {
  io.stderr(`marginalia export: ${message}\n`);
  return code;
}

/** Exports the tagged excerpts of a project. */
export const exportCommand: CliCommand = {
  name: 'export',
  summary: 'export tagged excerpts as CSV, Markdown, Web Annotation JSON-LD or REFI-QDA (.qdpx/.qdc)',
  usage: USAGE,
  async run(args, io) {
    let options: ExportArgs;
    try {
      options = parseExportArgs(args);
    } catch (error) {
      if (error instanceof UsageError) return fail(io, `${error.message} (usage: ${USAGE})`, 2);
      throw error;
    }
    try {
      const loaded = await readBundledDocuments(io.documentsDir);
      const broken = loaded.find((result) => !result.ok);
      if (broken && !broken.ok) return fail(io, `document ${broken.id} does not load: ${broken.error}`);
      const articles = loaded.flatMap((result) => (result.ok ? [result.article] : []));
      const project = options.server
        ? await fetchProjectFromServer({ ...options.server, ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}) })
        : await loadProjectFile(options.from as string);

      const tagIndex = createViewContext(project).tagIndex;
      const liveTags = [...tagIndex.tags.values()].filter((tag) => tagIndex.isLive(tag.id));
      const pathOf = (id: TagId | null): string => {
        const tag = id === null ? undefined : tagIndex.tags.get(id);
        return tag ? (tag.parentId ? `${pathOf(tag.parentId)} / ${tag.name}` : tag.name) : '';
      };
      const tagIds = options.tags.map((name) => {
        const wanted = name.trim().toLowerCase();
        const byPath = liveTags.filter((tag) => pathOf(tag.id).toLowerCase() === wanted);
        const byName = liveTags.filter((tag) => tag.name.trim().toLowerCase() === wanted);
        const found = byPath.length === 1 ? byPath : byName;
        if (found.length === 0) throw new ExportSourceError(`no tag named "${name}" in the project`);
        if (found.length > 1) throw new ExportSourceError(`several tags are named "${name}"; give the path, e.g. "${pathOf(found[0]?.id ?? null)}"`);
        return (found[0] as { id: TagId }).id;
      });
      const members = listMembers(project);
      const memberIds = options.members.map((name) => {
        const found = members.filter((member) => member.name.trim().toLowerCase() === name.trim().toLowerCase() || member.id === name);
        if (found.length !== 1) throw new ExportSourceError(found.length === 0 ? `no member named "${name}" in the project` : `several members are named "${name}"`);
        return (found[0] as { id: MemberId }).id;
      });
      const known = new Set(articles.map((article) => article.meta.id as string));
      const unknown = options.documents.find((id) => !known.has(id));
      if (unknown) throw new ExportSourceError(`no document with id "${unknown}" (see marginalia documents)`);

      const filter: ExcerptFilter = {
        ...(tagIds.length > 0 ? { tags: tagIds, tagMatch: options.allTags ? 'all' : 'any' } : {}),
        ...(memberIds.length > 0 ? { members: memberIds } : {}),
        ...(options.documents.length > 0 ? { documents: options.documents } : {}),
        ...(options.fromDate !== undefined ? { from: options.fromDate } : {}),
        ...(options.toDate !== undefined ? { to: options.toDate } : {}),
        ...(options.withNote ? { withNote: true } : {}),
      };
      const excerpts = queryExcerpts(project, articles, filter, options.sort);
      const context = buildExportContext(project, articles, new Date().toISOString());
      let data: string | Uint8Array;
      let removed = 0;
      switch (options.format) {
        case 'csv': data = excerptsToCsv(excerpts, { rows: options.rows, bom: options.bom }); break;
        case 'md': data = excerptsToMarkdown(excerpts, context, { group: options.group }); break;
        case 'jsonld': data = excerptsToWebAnnotationJson(excerpts, context); break;
        case 'qdpx': ({ data, removedCharacters: removed } = excerptsToQdpx(excerpts, context)); break;
        case 'qdc': ({ data, removedCharacters: removed } = codebookToQdc(context)); break;
      }
      await writeFileAtomic(options.out, data);
      const unanchored = excerpts.filter((excerpt) => !excerpt.anchored).length;
      const notes = [
        unanchored > 0 ? `${unanchored} unanchored (exported with their stored quote)` : '',
        removed > 0 ? `${removed} characters XML cannot carry were removed from names or notes` : '',
      ].filter(Boolean);
      const what = options.format === 'qdc' ? `${context.codebook.length} codes` : `${excerpts.length} excerpts`;
      io.stdout(`wrote ${what} to ${options.out}${notes.length > 0 ? `; ${notes.join('; ')}` : ''}\n`);
      return 0;
    } catch (error) {
      if (error instanceof ExportSourceError || error instanceof ExportWriteError) return fail(io, error.message);
      if (error instanceof Error && /codebook is empty|is needed for a \.qdpx/.test(error.message)) return fail(io, error.message);
      throw error;
    }
  },
};
