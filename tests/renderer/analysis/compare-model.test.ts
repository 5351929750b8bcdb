/**
 * The Compare tab's model side on a bundled article: segments carry the right text and
 * reader positions, "Apply <code> here" turns a disagreement into agreement, "Remove mine"
 * takes the person's coding away, and each is one undo step.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { loadArticle } from '#shared/documents/article.ts';
import type { DocumentId } from '#shared/documents/manifest.ts';
import type { MemberId } from '#shared/model/ids.ts';
import { createTag } from '#shared/model/tags.ts';
import { createUndoManager } from '#shared/model/undo.ts';
import { highlightSpan } from '../../../renderer/store/annotation-actions.ts';
import { applyCodeHere, compareInArticle, removeMineHere } from '../../../renderer/analysis/compare-model.ts';

const id = 'russia-azerbaijan-disputes' as DocumentId;
const article = loadArticle(readFileSync(new URL(`../../../documents/${id}.md`, import.meta.url), 'utf8'), `${id}.md`, id);
const ana = { member: 'member-ana-000000000000' as MemberId };
const bo = { member: 'member-bo-0000000000000' as MemberId };

function span(phrase: string): { start: number; end: number } {
  const start = article.text.indexOf(phrase);
  if (start < 0) throw new Error(phrase);
  return { start, end: start + phrase.length };
}

describe('comparison in an article', () => {
  it('shows A only, B only and both, and resolves a disagreement either way', () => {
    // Two replicas kept in step: each person writes as their own Yjs client.
    const doc = new Y.Doc();
    const boDoc = new Y.Doc();
    doc.on('update', (update: Uint8Array) => Y.applyUpdate(boDoc, update));
    boDoc.on('update', (update: Uint8Array) => Y.applyUpdate(doc, update));
    const code = createTag(doc, ana, { name: 'Security', colour: '#336699' });
    highlightSpan(doc, ana, article, span('played a pivotal role'), [code]);
    highlightSpan(boDoc, bo, article, span('pivotal role in post-war'), [code]);
    const texts = () => compareInArticle(doc, article, ana.member, bo.member, code).segments.map((segment) => [segment.kind, segment.text]);
    expect(texts()).toEqual([['a', 'played a '], ['both', 'pivotal role'], ['b', ' in post-war']]);
    const first = compareInArticle(doc, article, ana.member, bo.member, code).segments[0];
    expect(first?.from).toBe(article.textMap.offsetToPos(span('played a ').start));

    const undo = createUndoManager(doc, ana.member);
    const comparison = compareInArticle(doc, article, ana.member, bo.member, code);
    const boOnly = comparison.disagreements.find((segment) => segment.kind === 'b');
    if (boOnly === undefined) throw new Error('no B-only segment');
    applyCodeHere(doc, ana, article, comparison, boOnly, code);
    expect(texts()).toEqual([['a', 'played a '], ['both', 'pivotal role in post-war']]);
    undo.undo();
    expect(texts()).toEqual([['a', 'played a '], ['both', 'pivotal role'], ['b', ' in post-war']]);

    const again = compareInArticle(doc, article, ana.member, bo.member, code);
    const anaOnly = again.disagreements.find((segment) => segment.kind === 'a');
    if (anaOnly === undefined) throw new Error('no A-only segment');
    expect(removeMineHere(doc, ana, again, anaOnly, code)).toBe(1);
    // Ana's whole application goes: the text she shared with Bo is his alone now.
    expect(texts()).toEqual([['b', 'pivotal role in post-war']]);
    undo.undo();
    expect(texts()).toEqual([['a', 'played a '], ['both', 'pivotal role'], ['b', ' in post-war']]);
  });
});
