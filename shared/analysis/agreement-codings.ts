/**
 * What agreement is computed from: for each code and each coder, the code points of each
 * selected document that the coder coded with it (docs/architecture.md §10).
 *
 * Read with the model's own reads: live highlights and their anchors
 * (`forEachLiveAnchor`), the codes applied to each after merges with who applied them
 * (`appliedTagsOf`: the Yjs client that wrote the application, mapped to a member), and
 * each highlight placed on the current text of its article by the anchoring module with
 * the same arguments the excerpt query uses (#shared/export/excerpts.ts), so agreement
 * counts exactly what the exports and panels show. Notes, headings and excerpt objects are
 * never built: on the 10k reference project this pass is several times cheaper than the
 * excerpt query. Applications whose writer is unknown have no coder and are left out;
 * highlights that no longer anchor cannot be placed and are counted in `unplaced`.
 */
import type * as Y from 'yjs';
import { anchor } from '#shared/anchoring/anchor.ts';
import type { Article } from '#shared/documents/article.ts';
import { codebookEntries } from '#shared/export/excerpts.ts';
import { CodePointIndex, countCodePoints } from '#shared/export/units.ts';
import { appliedTagsOf, forEachLiveAnchor } from '#shared/model/highlight-reads.ts';
import { sameDocumentVersion } from '#shared/model/highlights.ts';
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
  const byDocument = new Map(selected.map((article, index) => [article.meta.id as string, { article, index, codePoints: new CodePointIndex(article.text) }]));
  const raw = new Map<string, Interval[][]>();
  const coded = new Map<MemberId, Set<string>>();
  const names = new Map<MemberId, string>(listMembers(project, skipped).map((member) => [member.id, member.name]));
  const context = createViewContext(project, skipped);
  let unplaced = 0;
  forEachLiveAnchor(project, (id, stored) => {
    const target = byDocument.get(stored.documentId);
    if (target === undefined) return;
    const applied = appliedTagsOf(project, id, context);
    if (applied.length === 0) return;
    const { article } = target;
    const expectedHash = sameDocumentVersion(stored.documentHash, article.hash) ? article.hash : stored.documentHash;
    const placed = anchor(article.text, { position: stored.position, quote: stored.quote }, { hash: article.hash, expectedHash });
    if (placed.status !== 'anchored') {
      unplaced++;
      return;
    }
    const span: Interval = [target.codePoints.toCodePoints(placed.start), target.codePoints.toCodePoints(placed.end)];
    for (const application of applied) {
      const coder = application.by;
      if (coder === undefined) continue;
      if (!names.has(coder)) names.set(coder, '');
      const key = `${application.tag.id} ${coder}`;
      const perDocument = raw.get(key) ?? raw.set(key, selected.map(() => [])).get(key) as Interval[][];
      perDocument[target.index]?.push(span);
      (coded.get(coder) ?? coded.set(coder, new Set()).get(coder) as Set<string>).add(id);
    }
  });
  const merged = new Map<string, Interval[][]>();
  for (const [key, perDocument] of raw) merged.set(key, perDocument.map(mergeIntervals));
  const empty: readonly Interval[][] = selected.map(() => []);
  const coders = [...names].map(([id, name]) => ({ id, name, codedHighlights: coded.get(id)?.size ?? 0 }));
  coders.sort((x, y) => y.codedHighlights - x.codedHighlights || x.name.localeCompare(y.name) || (x.id < y.id ? -1 : 1));
  const tagIndex = context.tagIndex;
  return {
    documents: selected.map((article) => ({ id: article.meta.id, title: article.meta.title, codePoints: countCodePoints(article.text) })),
    codes: codebookEntries(tagIndex).map((entry) => ({ id: entry.id as TagId, name: entry.name })),
    coders,
    unplaced,
    units: (code, coder) => merged.get(`${code} ${coder}`) ?? empty,
    used: (code, coder) => merged.has(`${code} ${coder}`),
  };
}
