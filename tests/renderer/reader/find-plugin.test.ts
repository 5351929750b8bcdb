import { EditorState } from 'prosemirror-state';
import { describe, expect, it } from 'vitest';
import { clearFind, createFindPlugin, findPluginKey, MAX_FIND_MATCHES, setFindQuery, stepFindMatch, type FindState } from '../../../renderer/reader/find-plugin.ts';
import { bundledArticle } from './support.ts';

const article = bundledArticle('russia-azerbaijan-disputes');

function stateWithFind(): EditorState {
  return EditorState.create({ doc: article.doc, plugins: [createFindPlugin(article.textMap)] });
}
function findOf(state: EditorState): FindState {
  const find = findPluginKey.getState(state);
  if (find === undefined) throw new Error('find plugin missing');
  return find;
}
function currentClasses(state: EditorState): string[] {
  return findOf(state).decorations.find().map((decoration) => (decoration.spec as { current: boolean }).current ? 'current' : 'match');
}

describe('find plugin', () => {
  it('decorates every case/diacritic-insensitive match and maps it to the right positions', () => {
    let state = stateWithFind();
    state = state.apply(setFindQuery(state, 'TURKIYE'));
    const find = findOf(state);
    const expected = [...article.text.matchAll(/türkiye/giu)].length;
    expect(find.matches).toHaveLength(expected);
    for (const match of find.matches) {
      expect(state.doc.textBetween(match.from, match.to)).toBe(article.text.slice(match.start, match.end));
      expect(article.text.slice(match.start, match.end).toLocaleLowerCase('tr')).toBe('türkiye');
    }
    expect(find.decorations.find()).toHaveLength(expected);
    expect(currentClasses(state).filter((kind) => kind === 'current')).toHaveLength(1);
    expect(find.current).toBe(0);
  });

  it('starts at the first match after the reading position and wraps when stepping', () => {
    let state = stateWithFind();
    state = state.apply(setFindQuery(state, 'türkiye'));
    const all = findOf(state).matches;
    const near = all[3]!.start - 1;
    state = state.apply(setFindQuery(state, 'türkiye', near));
    expect(findOf(state).current).toBe(3);
    state = state.apply(stepFindMatch(state, 1));
    expect(findOf(state).current).toBe(4);
    for (let step = 0; step < 5; step += 1) state = state.apply(stepFindMatch(state, -1));
    expect(findOf(state).current).toBe(all.length - 1);
    state = state.apply(stepFindMatch(state, 1));
    expect(findOf(state).current).toBe(0);
    // Stepping swaps the current decoration: still one current, same total.
    expect(findOf(state).decorations.find()).toHaveLength(all.length);
    const current = findOf(state).decorations.find().filter((decoration) => (decoration.spec as { current: boolean }).current);
    expect(current.map((decoration) => decoration.from)).toEqual([all[0]!.from]);
  });

  it('reports no matches, clears, and leaves the document untouched', () => {
    let state = stateWithFind();
    const doc = state.doc;
    state = state.apply(setFindQuery(state, 'zzzz-not-there'));
    expect(findOf(state)).toMatchObject({ matches: [], current: -1 });
    state = state.apply(stepFindMatch(state, 1));
    expect(findOf(state).current).toBe(-1);
    state = state.apply(setFindQuery(state, 'russia'));
    expect(findOf(state).matches.length).toBeGreaterThan(10);
    state = state.apply(clearFind(state));
    expect(findOf(state)).toMatchObject({ query: '', matches: [], current: -1 });
    expect(state.doc).toBe(doc);
  });

  it('caps the number of decorated matches for one-letter queries', () => {
    let state = stateWithFind();
    state = state.apply(setFindQuery(state, 'e'));
    const find = findOf(state);
    const total = [...article.text.matchAll(/e/giu)].length;
    expect(find.matches.length).toBe(Math.min(total, MAX_FIND_MATCHES));
    expect(find.truncated).toBe(total > MAX_FIND_MATCHES);
  });
});
