/**
 * The doc → highlights plugin bridge: highlights of the open article are anchored and
 * painted; later model changes reach the plugin as incremental metadata (only touched ids);
 * trashing removes a decoration, restoring brings it back; a highlight whose text is gone
 * is listed as unanchored, never dropped; clicking overlapping text cycles shortest first;
 * a bridge whose view closed follows the doc, so its spans are current when reconnected.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { EditorState, TextSelection, type Transaction } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import { loadArticle } from '#shared/documents/article.ts';
import type { DocumentId } from '#shared/documents/manifest.ts';
import type { MemberId } from '#shared/model/ids.ts';
import { addHighlight, applyTag, deleteHighlight, restoreHighlight } from '#shared/model/highlights.ts';
import { createTag, deleteTag } from '#shared/model/tags.ts';
import { addNote } from '#shared/model/notes.ts';
import { highlightSpan } from '../../../renderer/store/annotation-actions.ts';
import { createDocumentHighlights } from '../../../renderer/annotations/document-highlights.ts';
import { createHighlightsPlugin, highlightsPluginKey, nextHighlightAt, setHighlightsMeta, type HighlightsMeta, type SegmentSpec } from '../../../renderer/reader/highlights-plugin.ts';

const id = 'russia-azerbaijan-disputes' as DocumentId;
const article = loadArticle(readFileSync(new URL(`../../../documents/${id}.md`, import.meta.url), 'utf8'), `${id}.md`, id);
const actor = { member: 'member-a-0000000000000' as MemberId };

function span(phrase: string): { start: number; end: number } {
  const start = article.text.indexOf(phrase);
  if (start < 0) throw new Error(phrase);
  return { start, end: start + phrase.length };
}

/** A headless stand-in for EditorView: keeps state and records dispatched metadata. */
function fakeView(state: EditorState) {
  const metas: HighlightsMeta[] = [];
  const transactions: Transaction[] = [];
  const view = {
    state,
    dispatch(tr: Transaction) {
      transactions.push(tr);
      const meta = tr.getMeta(highlightsPluginKey) as HighlightsMeta | undefined;
      if (meta) metas.push(meta);
      view.state = view.state.apply(tr);
    },
  };
  return { view: view as unknown as EditorView & { state: EditorState }, metas, transactions };
}

describe('document highlights', () => {
  it('paints existing highlights and applies later changes incrementally', () => {
    const doc = new Y.Doc();
    const tag = createTag(doc, actor, { name: 'Security', colour: '#336699' });
    const first = highlightSpan(doc, actor, article, span('geopolitical dynamics'), [tag]);
    const highlights = createDocumentHighlights(doc, article);
    expect(highlights.initialSpans().map((s) => s.id)).toEqual([first]);
    const plugin = createHighlightsPlugin(highlights.initialSpans());
    const { view, metas } = fakeView(EditorState.create({ doc: article.doc, plugins: [plugin] }));
    const stop = highlights.connect(view);

    const second = highlightSpan(doc, actor, article, span('peacekeeping forces'));
    expect(metas.at(-1)).toEqual({ upsert: [expect.objectContaining({ id: second, tags: [] })], remove: [] });
    const decorations = highlightsPluginKey.getState(view.state)?.decorations.find() ?? [];
    expect(decorations).toHaveLength(2);
    const range = span('peacekeeping forces');
    const painted = decorations.find((d) => (d.spec as SegmentSpec).ids.includes(second));
    expect(article.doc.textBetween(painted?.from ?? 0, painted?.to ?? 0)).toBe('peacekeeping forces');
    expect(highlights.rangeOf(second)).toEqual(range);

    deleteHighlight(doc, actor, first);
    expect(metas.at(-1)).toEqual({ upsert: [], remove: [first] });
    restoreHighlight(doc, actor, first);
    expect(metas.at(-1)?.upsert?.map((s) => s.id)).toEqual([first]);
    stop();
  });

  it('changeTogether paints a new highlight, collapses the selection and focuses it in one transaction', () => {
    const doc = new Y.Doc();
    const highlights = createDocumentHighlights(doc, article);
    const { view, transactions } = fakeView(EditorState.create({ doc: article.doc, plugins: [createHighlightsPlugin([])] }));
    const stop = highlights.connect(view);
    let notified = 0;
    highlights.subscribe(() => void (notified += 1));
    const range = span('peacekeeping forces');
    const [from, to] = [article.textMap.offsetToPos(range.start), article.textMap.offsetToPos(range.end)];
    view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, from, to)));
    transactions.length = 0;

    const created = highlights.changeTogether(
      view,
      () => highlightSpan(doc, actor, article, range),
      (tr, newId) => setHighlightsMeta(tr.setSelection(TextSelection.create(tr.doc, tr.selection.to)), { focus: newId }),
    );
    expect(transactions).toHaveLength(1);
    const plugin = highlightsPluginKey.getState(view.state);
    expect(plugin?.focused).toBe(created);
    expect(plugin?.decorations.find().map((d) => (d.spec as SegmentSpec).ids)).toEqual([[created]]);
    expect(view.state.selection.empty).toBe(true);
    expect(view.state.selection.from).toBe(to);
    expect(notified).toBe(1);

    // Later changes reach the plugin on their own again.
    deleteHighlight(doc, actor, created);
    expect(transactions).toHaveLength(2);
    expect(highlightsPluginKey.getState(view.state)?.decorations.find()).toHaveLength(0);
    stop();
  });

  it('lists highlights whose text is gone as unanchored', () => {
    const doc = new Y.Doc();
    const lost = addHighlight(doc, actor, {
      documentId: id,
      documentHash: 'an-older-version',
      position: { start: 10, end: 40 },
      quote: { exact: 'a sentence that this article never contained at all', prefix: '', suffix: '' },
    });
    const highlights = createDocumentHighlights(doc, article);
    expect(highlights.unanchored()).toEqual([lost]);
    expect(highlights.initialSpans()).toEqual([]);
  });

  it('focuses the shortest of overlapping highlights and cycles on repeated clicks', () => {
    const doc = new Y.Doc();
    const outer = highlightSpan(doc, actor, article, span('the geopolitical dynamics of Eurasia'));
    const inner = highlightSpan(doc, actor, article, span('dynamics'));
    const highlights = createDocumentHighlights(doc, article);
    let state = EditorState.create({ doc: article.doc, plugins: [createHighlightsPlugin(highlights.initialSpans())] });
    const pos = article.textMap.offsetToPos(span('dynamics').start + 2);
    const firstClick = nextHighlightAt(state, pos);
    expect(firstClick).toBe(inner);
    state = state.apply(setHighlightsMeta(state.tr, { focus: firstClick }));
    expect(nextHighlightAt(state, pos)).toBe(outer);
    state = state.apply(setHighlightsMeta(state.tr, { focus: outer }));
    expect(nextHighlightAt(state, pos)).toBe(inner);
  });
  it('a second open of the article sees highlights and notes added while it was closed (per-doc indexes stay current)', () => {
    const doc = new Y.Doc();
    const first = highlightSpan(doc, actor, article, span('geopolitical dynamics'));
    const earlier = createDocumentHighlights(doc, article);
    expect([...earlier.spans().keys()]).toEqual([first]);
    const second = highlightSpan(doc, actor, article, span('peacekeeping forces'));
    addNote(doc, actor, first, 'Why here?');
    deleteHighlight(doc, actor, second);
    const third = highlightSpan(doc, actor, article, span('peacekeeping forces'));
    const reopened = createDocumentHighlights(doc, article);
    const spans = reopened.spans();
    expect([...spans.keys()].sort()).toEqual([first, third].sort());
    expect(spans.get(first)?.hasNote).toBe(true);
    expect(spans.get(third)?.hasNote).toBe(false);
    expect(reopened.rangeOf(third)).toEqual(span('peacekeeping forces'));
  });

  it('a bridge reconnected after its view closed has spans current with what changed meanwhile', () => {
    const doc = new Y.Doc();
    const tag = createTag(doc, actor, { name: 'Security', colour: '#336699' });
    const kept = highlightSpan(doc, actor, article, span('geopolitical dynamics'));
    const trashed = highlightSpan(doc, actor, article, span('past cooperation'));
    const highlights = createDocumentHighlights(doc, article);
    const first = fakeView(EditorState.create({ doc: article.doc, plugins: [createHighlightsPlugin(highlights.initialSpans())] }));
    const disconnect = highlights.connect(first.view);
    disconnect();
    expect(highlights.connected()).toBe(false);

    // While closed: a tag applied, a highlight trashed, one added, a note written.
    applyTag(doc, actor, kept, tag);
    deleteHighlight(doc, actor, trashed);
    const added = highlightSpan(doc, actor, article, span('peacekeeping forces'));
    addNote(doc, actor, added, 'why here?');
    const spans = new Map(highlights.initialSpans().map((s) => [s.id, s]));
    expect([...spans.keys()].sort()).toEqual([kept, added].sort());
    expect(spans.get(kept)?.tags).toEqual([tag]);
    expect(spans.get(added)?.hasNote).toBe(true);

    // Connected again: later changes reach the new view; then, closed, a codebook change re-reads everything.
    const second = fakeView(EditorState.create({ doc: article.doc, plugins: [createHighlightsPlugin(highlights.initialSpans())] }));
    const stop = highlights.connect(second.view);
    expect(highlights.connected()).toBe(true);
    restoreHighlight(doc, actor, trashed);
    expect(second.metas.at(-1)?.upsert?.map((s) => s.id)).toEqual([trashed]);
    stop();
    deleteTag(doc, actor, tag);
    expect(highlights.initialSpans().find((s) => s.id === kept)?.tags).toEqual([]);
    highlights.dispose();
  });
});

