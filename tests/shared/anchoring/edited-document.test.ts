/**
 * Anchoring after the document changed: one bundled article gets a typo fixed, a paragraph
 * inserted and a sentence deleted; every golden highlight of it is then re-anchored with a
 * hash mismatch. Untouched highlights move with the text (quote), the one containing the
 * typo is found fuzzily, and those inside the deleted sentence are reported unanchored with
 * their quote — none is dropped or placed somewhere wrong.
 */
import { readFile } from 'node:fs/promises';
import { expect, it } from 'vitest';
import { defaultDocumentsDir, readBundledDocuments } from '../../../electron/services/documents-fs.ts';
import { anchor } from '#shared/anchoring/anchor.ts';
import { CONTEXT_LENGTH } from '#shared/anchoring/types.ts';
import type { Baseline, BaselineSpan } from '../../baselines/anchoring/generate.ts';

const DOCUMENT = 'azerbaijan-brics-and-the-west';

type Edit = { start: number; end: number; insert: string };

function applyEdits(text: string, edits: Edit[]): string {
  let out = text;
  for (const edit of [...edits].sort((a, b) => b.start - a.start)) out = out.slice(0, edit.start) + edit.insert + out.slice(edit.end);
  return out;
}

/** Where an offset of the old text lands in the new text (for offsets outside every edit). */
function mapOffset(offset: number, edits: Edit[]): number {
  let shift = 0;
  for (const edit of edits) if (edit.end <= offset) shift += edit.insert.length - (edit.end - edit.start);
  return offset + shift;
}

const overlaps = (span: { start: number; end: number }, edit: Edit, margin = 0) =>
  span.start < edit.end + margin && edit.start - margin < span.end;

it(`re-anchors ${DOCUMENT}'s golden highlights after a typo fix, an inserted paragraph and a deleted sentence`, async () => {
  const article = (await readBundledDocuments(defaultDocumentsDir())).find((d) => d.ok && d.article.meta.id === DOCUMENT);
  if (!article?.ok) throw new Error(`${DOCUMENT} did not load`);
  const text = article.article.text;
  const baseline = JSON.parse(await readFile(new URL(`../../baselines/anchoring/${DOCUMENT}.json`, import.meta.url), 'utf8')) as Baseline;

  // 1. a typo fix: one letter changed in the middle of a long golden highlight in the second half
  const typoSpan = baseline.spans.find((s) => s.label.startsWith('random') && s.end - s.start >= 80 && s.start > text.length / 2)!;
  let typoAt = typoSpan.start + Math.floor((typoSpan.end - typoSpan.start) / 2);
  while (!/[a-z]/.test(text[typoAt]!)) typoAt++;
  const typo: Edit = { start: typoAt, end: typoAt + 1, insert: text[typoAt] === 'e' ? 'a' : 'e' };
  // 2. a new paragraph after the first block
  const firstBreak = text.indexOf('\n') + 1;
  const paragraph: Edit = { start: firstBreak, end: firstBreak, insert: "Editor's note: this analysis was updated to reflect later events.\n" };
  // 3. a deleted sentence that fully contains at least one golden highlight and no other edit
  const sentences = [...text.matchAll(/[^.\n]+\.\s?/g)].map((m) => ({ start: m.index ?? 0, end: (m.index ?? 0) + m[0].length, insert: '' }));
  const deletion = sentences.find(
    (s) =>
      s.start > firstBreak &&
      !overlaps(typoSpan, s, CONTEXT_LENGTH) &&
      baseline.spans.some((span) => span.start >= s.start && span.end <= s.end && span.end - span.start >= 4),
  )!;
  expect(deletion, 'no sentence holds a golden highlight').toBeDefined();
  const edits = [paragraph, deletion, typo];
  const edited = applyEdits(text, edits);

  const rows: { label: string; outcome: string }[] = [];
  const kinds = { moved: 0, fuzzy: 0, unanchored: 0, nearEdit: 0 };
  for (const span of baseline.spans as BaselineSpan[]) {
    const result = anchor(edited, span.selectors, { hash: 'sha256:edited', expectedHash: baseline.hash });
    const inside = span.start >= deletion.start && span.end <= deletion.end;
    const touchesEdit = edits.some((edit) => overlaps(span, edit));
    const contextTouchesEdit = edits.some((edit) => overlaps(span, edit, CONTEXT_LENGTH));
    rows.push({
      label: span.label,
      outcome: result.status === 'anchored' ? `${result.method} ${span.start}→${result.start} (${result.errors} errors)` : 'unanchored',
    });
    if (inside && span.end - span.start >= 4) {
      // the deleted words may still occur elsewhere; what matters is that it is not placed inside other text by force
      if (result.status === 'anchored') expect(edited.slice(result.start, result.end), span.label).toBe(span.selectors.quote.exact);
      else expect(result.quote).toEqual(span.selectors.quote);
      kinds.unanchored += result.status === 'unanchored' ? 1 : 0;
    } else if (overlaps(span, typo)) {
      expect(result, span.label).toMatchObject({ status: 'anchored', method: 'fuzzy', start: mapOffset(span.start, edits), end: mapOffset(span.end, edits), errors: 1 });
      kinds.fuzzy++;
    } else if (!touchesEdit && !contextTouchesEdit) {
      expect(result, span.label).toMatchObject({ status: 'anchored', method: 'quote', start: mapOffset(span.start, edits), end: mapOffset(span.end, edits) });
      kinds.moved += mapOffset(span.start, edits) !== span.start ? 1 : 0;
    } else {
      kinds.nearEdit++;
      expect(result.status === 'anchored' || result.quote === span.selectors.quote).toBe(true);
    }
  }
  console.info(`${DOCUMENT} after edits:\n` + rows.map((r) => `  ${r.label.padEnd(22)} ${r.outcome}`).join('\n'));
  expect(kinds.fuzzy).toBe(1);
  expect(kinds.moved).toBeGreaterThan(30);
  expect(kinds.unanchored).toBeGreaterThanOrEqual(1);
  expect(rows).toHaveLength(baseline.spans.length);
});
