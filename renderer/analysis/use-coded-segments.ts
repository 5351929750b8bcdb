/**
 * What the Segments, Codes × documents and Co-occurrence tabs read: every live highlight of
 * the project as an export excerpt (#shared/export/excerpts.ts: placed on the current text,
 * codes resolved through merges with who applied each, notes and replies), the live
 * codebook in tree order, and the articles' texts for context. Recomputed when the project
 * has been quiet for {@link SETTLE_MS} (the query places every highlight, ~0.1 s for 10k:
 * typing a note beside an open table must not pay that per keystroke), never per render.
 */
import { useEffect, useMemo, useState } from 'react';
import type { Article } from '#shared/documents/article.ts';
import type { Excerpt } from '#shared/export/excerpt.ts';
import { queryExcerpts } from '#shared/export/excerpts.ts';
import type { CodeRef, DocumentRef } from '#shared/analysis/code-matrix.ts';
import { listTags, type TagTreeNode } from '#shared/model/queries.ts';
import { useDocVersion } from '../annotations/use-workspace.ts';
import type { AnnotationWorkspace } from '../annotations/workspace.ts';

/** A code of the codebook with its depth in the tree (for indenting its name). */
export interface CodeChoice extends CodeRef {
  readonly depth: number;
}

/** The project as the analysis tabs read it. */
export interface CodedProject {
  readonly excerpts: readonly Excerpt[];
  readonly codes: readonly CodeChoice[];
  readonly documents: readonly DocumentRef[];
  readonly texts: ReadonlyMap<string, string>;
}

/** How long the project must be unchanged before the tables are recomputed. */
export const SETTLE_MS = 250;

/** `version`, but only once it has stopped changing for `delay` ms (the first value at once). */
function useSettled(version: number, delay: number): number {
  const [settled, setSettled] = useState(version);
  useEffect(() => {
    if (version === settled) return undefined;
    const timer = window.setTimeout(() => setSettled(version), delay);
    return () => window.clearTimeout(timer);
  }, [version, settled, delay]);
  return settled;
}

function flatten(nodes: readonly TagTreeNode[], depth = 0, out: CodeChoice[] = []): CodeChoice[] {
  for (const node of nodes) {
    out.push({ id: node.tag.id, name: node.tag.name, depth });
    flatten(node.children, depth + 1, out);
  }
  return out;
}

/** The project's excerpts, codebook and article texts, kept up to date with the doc. */
export function useCodedProject(workspace: AnnotationWorkspace, articles: readonly Article[]): CodedProject {
  const doc = workspace.session.doc;
  const version = useSettled(useDocVersion(doc), SETTLE_MS);
  /* eslint-disable react-hooks/exhaustive-deps -- version stands for the doc's content */
  const excerpts = useMemo(() => queryExcerpts(doc, articles), [doc, version, articles]);
  const codes = useMemo(() => flatten(listTags(doc, null)), [doc, version]);
  /* eslint-enable react-hooks/exhaustive-deps */
  const documents = useMemo(() => articles.map((article) => ({ id: article.meta.id as string, title: article.meta.title })), [articles]);
  const texts = useMemo(() => new Map(articles.map((article) => [article.meta.id as string, article.text])), [articles]);
  return { excerpts, codes, documents, texts };
}
