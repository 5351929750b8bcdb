/**
 * Focus has one owner: the UI state. A click in the reader asks the owner (the plugin does
 * not focus on its own), the owner's focus is what the plugin paints, a highlight that is
 * not placed in the open article cannot be focused, and when the focused highlight leaves
 * the article (trashed) focus is cleared at once — no later reconciliation.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { EditorState, type Transaction } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import { loadArticle } from '#shared/documents/article.ts';
import type { DocumentId } from '#shared/documents/manifest.ts';
import { deleteHighlight } from '#shared/model/highlights.ts';
import type { HighlightId, MemberId } from '#shared/model/ids.ts';
import { createDocumentHighlights } from '../../../renderer/annotations/document-highlights.ts';
import { createReaderRegistry } from '../../../renderer/annotations/reader-registry.ts';
import { createHighlightsPlugin, highlightsPluginKey } from '../../../renderer/reader/highlights-plugin.ts';
import { createUiState, initialSnapshot } from '../../../renderer/store/ui-state.ts';
import { highlightSpan } from '../../../renderer/store/annotation-actions.ts';

const id = 'russia-azerbaijan-disputes' as DocumentId;
const article = loadArticle(readFileSync(new URL(`../../../documents/${id}.md`, import.meta.url), 'utf8'), `${id}.md`, id);
const actor = { member: 'member-a-0000000000000' as MemberId };

function span(phrase: string): { start: number; end: number } {
  const start = article.text.indexOf(phrase);
  if (start < 0) throw new Error(phrase);
  return { start, end: start + phrase.length };
}

/** An open article with two highlights, its plugin wired to the registry as attach-annotations does. */
function openReader() {
  const doc = new Y.Doc();
  const first = highlightSpan(doc, actor, article, span('geopolitical dynamics'));
  const second = highlightSpan(doc, actor, article, span('peacekeeping forces'));
  const ui = createUiState(initialSnapshot({ member: null, loaded: true, storage: { kind: 'saved' } }));
  const navigated: string[] = [];
  const registry = createReaderRegistry(ui, (documentId) => navigated.push(documentId));
  const highlights = createDocumentHighlights(doc, article);
  const plugin = createHighlightsPlugin(highlights.initialSpans(), { highlightClicked: (clicked) => registry.focusHighlight(clicked) });
  const transactions: Transaction[] = [];
  const view = {
    state: EditorState.create({ doc: article.doc, plugins: [plugin] }),
    dom: { querySelector: () => null },
    dispatch(tr: Transaction) {
      transactions.push(tr);
      view.state = view.state.apply(tr);
    },
  };
  const editor = view as unknown as EditorView;
  const disconnect = highlights.connect(editor);
  const detach = registry.attachReader({ article, view: editor, scroller: {} as HTMLElement, highlights });
  const painted = (): HighlightId | null => highlightsPluginKey.getState(view.state)?.focused ?? null;
  const click = (pos: number): void => {
    plugin.props.handleClick?.call(plugin, editor, pos, { button: 0, shiftKey: false } as MouseEvent);
  };
  const selection = () => ({ from: view.state.selection.from, to: view.state.selection.to });
  return { doc, first, second, ui, registry, highlights, transactions, painted, click, selection, detach, disconnect, navigated };
}

describe('reader registry: focus', () => {
  it('a click on a highlight focuses it through the owner, in one editor update with the caret where it landed; a click outside clears it', () => {
    const reader = openReader();
    reader.transactions.length = 0;
    const onHighlight = article.textMap.offsetToPos(span('peacekeeping forces').start + 3);
    reader.click(onHighlight);
    expect(reader.ui.getSnapshot().focused).toBe(reader.second);
    expect(reader.painted()).toBe(reader.second);
    expect(reader.transactions).toHaveLength(1);
    expect(reader.selection()).toEqual({ from: onHighlight, to: onHighlight });
    const outside = article.textMap.offsetToPos(0) + 1;
    reader.click(outside);
    expect(reader.ui.getSnapshot().focused).toBeNull();
    expect(reader.painted()).toBeNull();
    expect(reader.transactions).toHaveLength(2);
    // The focus change does not put back the selection from before the click.
    expect(reader.selection()).toEqual({ from: outside, to: outside });
  });

  it('paints the owner’s focus; a highlight not placed in this article focuses nothing', () => {
    const reader = openReader();
    reader.registry.focusHighlight(reader.first);
    expect([reader.ui.getSnapshot().focused, reader.painted()]).toEqual([reader.first, reader.first]);
    const count = reader.transactions.length;
    reader.registry.focusHighlight(reader.first);
    expect(reader.transactions).toHaveLength(count);
    reader.registry.focusHighlight('not-in-this-article-00' as HighlightId);
    expect([reader.ui.getSnapshot().focused, reader.painted()]).toEqual([null, null]);
  });

  it('clears focus as soon as the focused highlight is trashed', () => {
    const reader = openReader();
    reader.registry.focusHighlight(reader.second);
    deleteHighlight(reader.doc, actor, reader.second);
    expect(reader.ui.getSnapshot().focused).toBeNull();
    expect(reader.painted()).toBeNull();
    // Trashing another highlight leaves focus alone.
    reader.registry.focusHighlight(reader.first);
    const third = highlightSpan(reader.doc, actor, article, span('Eurasia'));
    deleteHighlight(reader.doc, actor, third);
    expect(reader.ui.getSnapshot().focused).toBe(reader.first);
  });

  it('attaching shows the article with nothing focused; detaching forgets the reader; jumping elsewhere navigates', () => {
    const reader = openReader();
    expect(reader.ui.getSnapshot()).toMatchObject({ readerDocumentId: id, focused: null });
    expect(reader.registry.reader()?.article).toBe(article);
    reader.registry.focusHighlight(reader.first);
    reader.detach();
    reader.disconnect();
    expect(reader.registry.reader()).toBeNull();
    expect(reader.ui.getSnapshot()).toMatchObject({ readerDocumentId: null, focused: null });
    reader.registry.jumpTo(reader.second, 'another-article');
    expect(reader.navigated).toEqual(['another-article']);
  });
});
