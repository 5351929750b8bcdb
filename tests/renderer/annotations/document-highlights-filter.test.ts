/**
 * The view filter in the doc → highlights bridge: only the shown person's highlights are
 * spans (created by them or coded by them); the others are counted as hidden, keep arriving
 * through sync, and come back when the filter is lifted.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { EditorState, type Transaction } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import { loadArticle } from '#shared/documents/article.ts';
import type { DocumentId } from '#shared/documents/manifest.ts';
import type { MemberId } from '#shared/model/ids.ts';
import { applyTag } from '#shared/model/highlights.ts';
import { createTag } from '#shared/model/tags.ts';
import { highlightSpan } from '../../../renderer/store/annotation-actions.ts';
import { createDocumentHighlights } from '../../../renderer/annotations/document-highlights.ts';
import { createHighlightsPlugin } from '../../../renderer/reader/highlights-plugin.ts';

const id = 'russia-azerbaijan-disputes' as DocumentId;
const article = loadArticle(readFileSync(new URL(`../../../documents/${id}.md`, import.meta.url), 'utf8'), `${id}.md`, id);
const ana = { member: 'member-ana-000000000000' as MemberId };
const ben = { member: 'member-ben-000000000000' as MemberId };

function span(phrase: string): { start: number; end: number } {
  const start = article.text.indexOf(phrase);
  if (start < 0) throw new Error(phrase);
  return { start, end: start + phrase.length };
}

describe('document highlights under a view filter', () => {
  it('shows only the chosen person\'s highlights and counts the rest as hidden', () => {
    const anaDoc = new Y.Doc();
    const benDoc = new Y.Doc();
    const relay = (from: Y.Doc, to: Y.Doc) => from.on('update', (update: Uint8Array) => Y.applyUpdate(to, update));
    relay(anaDoc, benDoc);
    relay(benDoc, anaDoc);
    const tag = createTag(anaDoc, ana, { name: 'Security', colour: '#336699' });
    const mine = highlightSpan(anaDoc, ana, article, span('geopolitical dynamics'));
    let shown: MemberId | null = ana.member;
    const highlights = createDocumentHighlights(anaDoc, article, () => shown);
    const plugin = createHighlightsPlugin(highlights.initialSpans());
    const state = { current: EditorState.create({ doc: article.doc, plugins: [plugin] }) };
    const view = { get state() { return state.current; }, dispatch(tr: Transaction) { state.current = state.current.apply(tr); } } as unknown as EditorView;
    highlights.connect(view);
    let notified = 0;
    highlights.subscribe(() => (notified += 1));

    const theirs = highlightSpan(benDoc, ben, article, span('peacekeeping forces'));
    expect([...highlights.spans().keys()]).toEqual([mine]);
    expect(highlights.hiddenCount()).toBe(1);
    expect(notified).toBeGreaterThan(0);

    // Coding a teammate's highlight makes it mine too.
    applyTag(anaDoc, ana, theirs, tag);
    expect(new Set(highlights.spans().keys())).toEqual(new Set([mine, theirs]));
    expect(highlights.hiddenCount()).toBe(0);

    const another = highlightSpan(benDoc, ben, article, span('Karabakh'));
    shown = ben.member;
    highlights.refilter();
    expect(new Set(highlights.spans().keys())).toEqual(new Set([theirs, another]));
    expect(highlights.hiddenCount()).toBe(1);

    shown = null;
    highlights.refilter();
    expect(highlights.spans().size).toBe(3);
    expect(highlights.hiddenCount()).toBe(0);
  });
});
