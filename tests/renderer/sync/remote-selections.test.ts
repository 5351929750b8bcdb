/**
 * Teammates' selections in the reader: canonical offsets of peers in this article become
 * ProseMirror ranges through the article's TextMap, peers elsewhere are ignored, and the
 * plugin keeps them as decorations (tint + named caret) in its state, replaced only when
 * presence changes. Uses a real bundled article.
 */
import { describe, expect, it } from 'vitest';
import { EditorState } from 'prosemirror-state';
import type { MemberId } from '#shared/model/ids.ts';
import { remoteSelectionsFor } from '../../../renderer/sync/reader-presence.ts';
import { colourClass, createRemoteSelectionsPlugin, remoteSelectionsKey, setRemoteSelections } from '../../../renderer/sync/remote-selections-plugin.ts';
import type { Peer } from '../../../renderer/sync/presence.ts';
import { loadBundledArticles } from '../../e2e/reader-support.ts';

const article = loadBundledArticles()[0]!;
const phrase = article.text.slice(200, 230);

function peer(clientId: number, name: string, selection: Peer['selection']): Peer {
  return { v: 1, clientId, member: { id: `m-${clientId}` as MemberId, name, colour: '#d1495b' }, documentId: selection?.documentId ?? null, selection };
}

describe('remoteSelectionsFor', () => {
  it('maps peers in this article through the TextMap and ignores the rest', () => {
    const peers = [
      peer(1, 'Ana', { documentId: article.meta.id, start: 200, end: 230 }),
      peer(2, 'Bo', { documentId: 'another-article', start: 1, end: 5 }),
      peer(3, 'Cem', null),
      peer(4, 'Dana', { documentId: article.meta.id, start: article.text.length + 10, end: article.text.length + 20 }),
    ];
    const selections = remoteSelectionsFor(peers, article);
    expect(selections).toHaveLength(1);
    const [ana] = selections;
    expect(ana?.name).toBe('Ana');
    expect(article.doc.textBetween(ana?.from ?? 0, ana?.to ?? 0, '\n')).toBe(phrase);
  });
});

describe('remote selections plugin', () => {
  it('holds one tint and one named caret per selection, replaced on presence change, never changing the doc', () => {
    const reported: Array<{ from: number; to: number } | null> = [];
    const plugin = createRemoteSelectionsPlugin((range) => reported.push(range));
    let state = EditorState.create({ doc: article.doc, plugins: [plugin] });
    const from = article.textMap.offsetToPos(200);
    const to = article.textMap.offsetToPos(230);
    state = state.apply(setRemoteSelections(state.tr, [{ clientId: 7, name: 'Ana', colour: '#D1495B', from, to }]));
    const found = remoteSelectionsKey.getState(state)?.decorations.find() ?? [];
    expect(found).toHaveLength(2);
    const inline = found.find((decoration) => decoration.to > decoration.from);
    expect(inline?.from).toBe(from);
    expect(inline?.to).toBe(to);
    expect((inline as unknown as { type: { attrs: Record<string, string> } }).type.attrs.class).toBe('remote-selection remote-c-d1495b');
    const caret = found.find((decoration) => decoration.to === decoration.from);
    expect(caret?.from).toBe(to);
    expect(state.doc.eq(article.doc)).toBe(true);

    // Unrelated transactions keep the set; an empty presence clears it.
    const kept = state.apply(state.tr.setMeta('unrelated', true));
    expect(remoteSelectionsKey.getState(kept)?.decorations).toBe(remoteSelectionsKey.getState(state)?.decorations);
    state = state.apply(setRemoteSelections(state.tr, []));
    expect(remoteSelectionsKey.getState(state)?.decorations.find()).toHaveLength(0);
  });

  it('clamps positions outside the document', () => {
    let state = EditorState.create({ doc: article.doc, plugins: [createRemoteSelectionsPlugin(() => undefined)] });
    const size = state.doc.content.size;
    state = state.apply(setRemoteSelections(state.tr, [{ clientId: 1, name: 'X', colour: '#000000', from: size - 3, to: size + 50 }]));
    for (const decoration of remoteSelectionsKey.getState(state)?.decorations.find() ?? []) expect(decoration.to).toBeLessThanOrEqual(size);
  });

  it('names colour classes from validated hex only', () => {
    expect(colourClass('#00798C')).toBe('remote-c-00798c');
    expect(colourClass('url(javascript:x)')).toBe('remote-c-777777');
  });
});
