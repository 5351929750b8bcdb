/**
 * Writes the golden anchoring baselines: for each bundled article, a fixed seeded set of
 * spans (word-aligned, 1 to ~40 words, plus edge cases: text start and end, a span across a
 * block boundary, a repeated phrase) with the selectors `describe` gives for them.
 *
 * Run only when the documents or the selector format change on purpose, then review the
 * diff: `node tests/baselines/anchoring/generate.ts` (from the repository root, Node 22).
 */
import { writeFile } from 'node:fs/promises';
import { defaultDocumentsDir, readBundledDocuments } from '../../../electron/services/documents-fs.ts';
import { describe } from '#shared/anchoring/describe.ts';
import type { Selectors } from '#shared/anchoring/types.ts';
import { seededRandom as prng } from '#shared/sample/seeded-random.ts';

/** One golden entry. */
export type BaselineSpan = { readonly label: string; readonly start: number; readonly end: number; readonly selectors: Selectors };
/** One golden file. */
export type Baseline = { readonly documentId: string; readonly hash: string; readonly length: number; readonly spans: BaselineSpan[] };

/** Spans per article chosen at random (besides the edge cases). */
export const RANDOM_SPANS = 40;

function seedOf(id: string): number {
  let hash = 2166136261;
  for (const char of id) hash = Math.imul(hash ^ char.charCodeAt(0), 16777619);
  return hash >>> 0;
}

/** Word-aligned spans of `text`, deterministic for a document id. */
export function chooseSpans(documentId: string, text: string): { label: string; start: number; end: number }[] {
  const random = prng(seedOf(documentId));
  const words = [...text.matchAll(/\S+/g)].map((m) => ({ start: m.index ?? 0, end: (m.index ?? 0) + m[0].length }));
  const spans: { label: string; start: number; end: number }[] = [];
  for (let i = 0; i < RANDOM_SPANS; i++) {
    const first = Math.floor(random() * words.length);
    const count = 1 + Math.floor(random() * random() * 40);
    const last = Math.min(words.length - 1, first + count - 1);
    spans.push({ label: `random-${i}`, start: words[first]!.start, end: words[last]!.end });
  }
  spans.push({ label: 'text-start', start: 0, end: words[Math.min(5, words.length - 1)]!.end });
  spans.push({ label: 'text-end', start: words[Math.max(0, words.length - 6)]!.start, end: text.length });
  const newline = text.indexOf('\n', Math.floor(text.length / 2));
  if (newline > 20) spans.push({ label: 'across-blocks', start: newline - 20, end: Math.min(text.length, newline + 20) });
  const counts = new Map<string, number>();
  for (const w of words) {
    const word = text.slice(w.start, w.end);
    if (word.length >= 6) counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  const repeated = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0];
  if (repeated) {
    const occurrences = words.filter((w) => text.slice(w.start, w.end) === repeated[0]);
    const middle = occurrences[Math.floor(occurrences.length / 2)]!;
    spans.push({ label: `repeated-word x${repeated[1]}`, start: middle.start, end: middle.end });
  }
  return spans;
}

/** The baseline of one article. */
export function baselineOf(documentId: string, text: string, hash: string): Baseline {
  return {
    documentId,
    hash,
    length: text.length,
    spans: chooseSpans(documentId, text).map((span) => ({ ...span, selectors: describe(text, span) })),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const result of await readBundledDocuments(defaultDocumentsDir())) {
    if (!result.ok) throw new Error(result.error);
    const { meta, text, hash } = result.article;
    const path = new URL(`./${meta.id}.json`, import.meta.url);
    await writeFile(path, JSON.stringify(baselineOf(meta.id, text, hash), null, 2) + '\n');
    console.log(`wrote ${path.pathname}`);
  }
}
