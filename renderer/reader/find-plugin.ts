/**
 * Find-in-document as a ProseMirror plugin: the matches of the current query are inline
 * decorations (`find-match`, the current one also `find-match-current`), kept in plugin
 * state and reached through the typed `findPluginKey`. The document never changes.
 *
 * Matching runs over the article's canonical text (shared/text/find.ts: case-, diacritic-
 * and Turkish-i-insensitive) and is mapped to positions through the article's TextMap, so
 * find, selection offsets and (later) highlights share one coordinate system.
 *
 * The decoration set is built once per query; stepping to the next match swaps only the
 * two affected decorations instead of rebuilding the set.
 */
import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';
import type { TextMap } from '#shared/documents/canonical.ts';
import { createSearchIndex, findInIndex, type SearchIndex, type TextMatch } from '#shared/text/find.ts';

/** Most matches decorated at once; beyond this the count says "N+" (a one-letter query). */
export const MAX_FIND_MATCHES = 5000;

/** A match as ProseMirror positions plus its canonical-text offsets. */
export interface FindMatch {
  readonly from: number;
  readonly to: number;
  readonly start: number;
  readonly end: number;
}

/** The plugin's state. */
export interface FindState {
  readonly query: string;
  readonly matches: readonly FindMatch[];
  /** Index into `matches` of the current match, or -1 when there are none. */
  readonly current: number;
  /** True when the match list was cut at {@link MAX_FIND_MATCHES}. */
  readonly truncated: boolean;
  readonly decorations: DecorationSet;
}

/** Transaction meta understood by the plugin. */
export type FindAction =
  | { readonly type: 'setQuery'; readonly query: string; readonly near?: number }
  | { readonly type: 'step'; readonly direction: 1 | -1 }
  | { readonly type: 'clear' };

/** The typed key: `findPluginKey.getState(state)` gives the {@link FindState}. */
export const findPluginKey = new PluginKey<FindState>('marginalia-find');

const MATCH_CLASS = 'find-match';
const CURRENT_CLASS = 'find-match find-match-current';

function decoration(match: FindMatch, current: boolean): Decoration {
  return Decoration.inline(match.from, match.to, { class: current ? CURRENT_CLASS : MATCH_CLASS }, { findMatch: match, current });
}

function emptyState(): FindState {
  return { query: '', matches: [], current: -1, truncated: false, decorations: DecorationSet.empty };
}

function search(state: EditorState, index: SearchIndex, textMap: TextMap, query: string, near: number | undefined): FindState {
  const found: TextMatch[] = findInIndex(index, query, MAX_FIND_MATCHES + 1);
  const truncated = found.length > MAX_FIND_MATCHES;
  const matches = found.slice(0, MAX_FIND_MATCHES).map((match) => ({
    from: textMap.offsetToPos(match.start),
    to: textMap.offsetToPos(match.end),
    start: match.start,
    end: match.end,
  }));
  if (matches.length === 0) return { query, matches, current: -1, truncated, decorations: DecorationSet.empty };
  // Start at the first match at or after `near` (the reader's position), wrapping around.
  const anchor = near ?? 0;
  const firstAfter = matches.findIndex((match) => match.start >= anchor);
  const current = firstAfter === -1 ? 0 : firstAfter;
  const decorations = DecorationSet.create(state.doc, matches.map((match, index) => decoration(match, index === current)));
  return { query, matches, current, truncated, decorations };
}

function step(state: EditorState, find: FindState, direction: 1 | -1): FindState {
  const count = find.matches.length;
  if (count === 0) return find;
  const previous = find.matches[find.current];
  const current = (find.current + direction + count) % count;
  const next = find.matches[current] as FindMatch;
  let decorations = find.decorations;
  if (previous !== undefined) {
    decorations = decorations.remove(decorations.find(previous.from, previous.to, (spec) => spec.findMatch === previous));
    decorations = decorations.add(state.doc, [decoration(previous, false)]);
  }
  decorations = decorations.remove(decorations.find(next.from, next.to, (spec) => spec.findMatch === next));
  decorations = decorations.add(state.doc, [decoration(next, true)]);
  return { ...find, current, decorations };
}

/** Creates the find plugin for one article (its canonical text is folded once, here). */
export function createFindPlugin(textMap: TextMap): Plugin<FindState> {
  let index: SearchIndex | null = null;
  return new Plugin<FindState>({
    key: findPluginKey,
    state: {
      init: emptyState,
      apply(tr: Transaction, value: FindState, _old: EditorState, state: EditorState): FindState {
        const action = tr.getMeta(findPluginKey) as FindAction | undefined;
        if (action === undefined) {
          return tr.docChanged ? { ...value, decorations: value.decorations.map(tr.mapping, tr.doc) } : value;
        }
        switch (action.type) {
          case 'setQuery':
            index ??= createSearchIndex(textMap.text);
            return search(state, index, textMap, action.query, action.near);
          case 'step':
            return step(state, value, action.direction);
          case 'clear':
            return emptyState();
        }
      },
    },
    props: {
      decorations: (state) => findPluginKey.getState(state)?.decorations ?? DecorationSet.empty,
    },
  });
}

/** Builds a transaction that runs `query` (starting near canonical offset `near`). */
export function setFindQuery(state: EditorState, query: string, near?: number): Transaction {
  const action: FindAction = near === undefined ? { type: 'setQuery', query } : { type: 'setQuery', query, near };
  return state.tr.setMeta(findPluginKey, action);
}

/** Builds a transaction that moves the current match forwards (1) or backwards (-1), wrapping. */
export function stepFindMatch(state: EditorState, direction: 1 | -1): Transaction {
  return state.tr.setMeta(findPluginKey, { type: 'step', direction } satisfies FindAction);
}

/** Builds a transaction that removes every find decoration. */
export function clearFind(state: EditorState): Transaction {
  return state.tr.setMeta(findPluginKey, { type: 'clear' } satisfies FindAction);
}
