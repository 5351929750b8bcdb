/**
 * What agreement is computed from: for each code and each coder, the code points of each
 * selected document that the coder coded with it (docs/architecture.md §10).
 *
 * Read through the excerpt query (#shared/export/excerpts.ts), the one place that places a
 * highlight on the current text of its article (in code points) and says who applied each
 * code — the Yjs client that wrote the application, mapped to a member — so agreement
 * counts exactly what the exports and panels show. A code is the one shown after merges;
 * applications whose writer is unknown have no coder and are left out. Highlights that no
 * longer anchor cannot be placed and are counted in `unplaced`, never guessed.
 */
import type * as Y from 'yjs';
import type { Article } from '#shared/documents/article.ts';
import { codebookEntries, queryExcerpts } from '#shared/export/excerpts.ts';
import { countCodePoints } from '#shared/export/units.ts';
import type { MemberId, TagId } from '#shared/model/ids.ts';
import { listMembers } from '#shared/model/project.ts';
import type { SkipLog } from '#shared/model/read-guards.ts';
import { createViewContext } from '#shared/model/views.ts';
import { mergeIntervals, type Interval } from './agreement-intervals.ts';

/** A member who may have coded, with the number of highlights they applied a code to. */
export type AgreementCoder = { readonly id: MemberId; readonly name: string; readonly codedHighlights: number };

/** A selected document and its length in code points. */
export type AgreementDocument = { readonly id: string; readonly title: string; readonly codePoints: number };

/** A code of the live codebook. */
export type AgreementCode = { readonly id: TagId; readonly name: string };

/** The codings of a project over the selected documents. */
export type Codings = {
  readonly documents: readonly AgreementDocument[];
  /** The live codebook in tree order. */
  readonly codes: readonly AgreementCode[];
  /** Every member (and any other writer of a code), most coded highlights first. */
  readonly coders: readonly AgreementCoder[];
  /** Live highlights of the selected documents that carry a code but do not anchor in the current text. */
  readonly unplaced: number;
  /** `coder`'s merged units of `code`, per document (in `documents` order). */
  units(code: TagId, coder: MemberId): readonly (readonly Interval[])[];
  /** True if `coder` applied `code` anywhere in the selected documents. */
  used(code: TagId, coder: MemberId): boolean;
};

/**
 * Reads the codings of `project` over `documentIds` (all loaded articles when omitted, in
 * article order); records no reader can use go to `skipped`.
 */
export function readCodings(project: Y.Doc, articles: readonly Article[], documentIds?: readonly string[], skipped?: SkipLog): Codings {
  const wanted = documentIds ? new Set(documentIds) : undefined;
  const selected = articles.filter((article) => !wanted || wanted.has(article.meta.id));
  const documentIndex = new Map(selected.map((article, index) => [article.meta.id as string, index]));
  const raw = new Map<string, Interval[][]>();
  const coded = new Map<MemberId, Set<string>>();
  const names = new Map<MemberId, string>(listMembers(project, skipped).map((member) => [member.id, member.name]));
  let unplaced = 0;
  const excerpts = queryExcerpts(project, articles, { documents: selected.map((article) => article.meta.id) }, 'document', skipped);
  for (const excerpt of excerpts) {
    const index = documentIndex.get(excerpt.document.id);
    if (index === undefined || excerpt.tags.length === 0) continue;
    if (!excerpt.anchored) {
      unplaced++;
      continue;
    }
    for (const tag of excerpt.tags) {
      if (tag.appliedBy === undefined) continue;
      const coder = tag.appliedBy.id as MemberId;
      if (!names.has(coder)) names.set(coder, tag.appliedBy.name);
      const key = `${tag.id} ${coder}`;
      const perDocument = raw.get(key) ?? raw.set(key, selected.map(() => [])).get(key) as Interval[][];
      perDocument[index]?.push([excerpt.codePoints.start, excerpt.codePoints.end]);
      (coded.get(coder) ?? coded.set(coder, new Set()).get(coder) as Set<string>).add(excerpt.id);
    }
  }
  const merged = new Map<string, Interval[][]>();
  for (const [key, perDocument] of raw) merged.set(key, perDocument.map(mergeIntervals));
  const empty: readonly Interval[][] = selected.map(() => []);
  const coders = [...names].map(([id, name]) => ({ id, name, codedHighlights: coded.get(id)?.size ?? 0 }));
  coders.sort((x, y) => y.codedHighlights - x.codedHighlights || x.name.localeCompare(y.name) || (x.id < y.id ? -1 : 1));
  const tagIndex = createViewContext(project, skipped).tagIndex;
  return {
    documents: selected.map((article) => ({ id: article.meta.id, title: article.meta.title, codePoints: countCodePoints(article.text) })),
    codes: codebookEntries(tagIndex).map((entry) => ({ id: entry.id as TagId, name: entry.name })),
    coders,
    unplaced,
    units: (code, coder) => merged.get(`${code} ${coder}`) ?? empty,
    used: (code, coder) => merged.has(`${code} ${coder}`),
  };
}
