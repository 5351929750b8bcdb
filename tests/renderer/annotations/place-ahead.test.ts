/**
 * Placing an article's highlights ahead of its bridge: a step at a time within its budget,
 * cached in the model, so the bridge created afterwards finds every one placed.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { loadArticle } from '#shared/documents/article.ts';
import type { DocumentId } from '#shared/documents/manifest.ts';
import type { MemberId } from '#shared/model/ids.ts';
import { placeHighlight } from '#shared/model/placements.ts';
import { highlightSpan } from '../../../renderer/store/annotation-actions.ts';
import { createDocumentHighlights } from '../../../renderer/annotations/document-highlights.ts';
import { placeAhead } from '../../../renderer/annotations/place-ahead.ts';

const id = 'russia-azerbaijan-disputes' as DocumentId;
const article = loadArticle(readFileSync(new URL(`../../../documents/${id}.md`, import.meta.url), 'utf8'), `${id}.md`, id);
const actor = { member: 'member-a-0000000000000' as MemberId };

function span(phrase: string): { start: number; end: number } {
  const start = article.text.indexOf(phrase);
  if (start < 0) throw new Error(`phrase not found: ${phrase}`);
  return { start, end: start + phrase.length };
}

describe('placeAhead', () => {
  it('places the highlights a step at a time, and the bridge finds them placed', () => {
    const doc = new Y.Doc();
    const phrases = ['geopolitical dynamics', 'peacekeeping forces', 'the South Caucasus'];
    const ids = phrases.map((phrase) => highlightSpan(doc, actor, article, span(phrase)));
    // A budget of 0 ms places one highlight per step.
    const step = placeAhead(doc, article, 0);
    const steps = [step(), step(), step(), step()];
    expect(steps).toEqual([false, false, false, true]);
    // Placed already: the cached placement, even for an anchor this call would not find.
    const other = { documentId: id, documentHash: 'another-version', position: { start: 0, end: 1 }, quote: { exact: 'not in the article', prefix: '', suffix: '' }, createdBy: actor.member, createdAt: 0 };
    expect(placeHighlight(doc, ids[1]!, article, other)).toEqual(span('peacekeeping forces'));
    expect(createDocumentHighlights(doc, article).initialSpans().map((s) => s.id).sort()).toEqual([...ids].sort());
  });

});
