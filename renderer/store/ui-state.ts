/**
 * The small state the annotation regions share and React renders from: who is annotating
 * and whether the project is loaded (mirrored from the local actor and the session), which
 * panel is open, the focused highlight, the notice on screen, the note editor that should
 * take the caret, the reader's selection version and the article the reader shows.
 *
 * One immutable snapshot, replaced on every change, so components read it with
 * `useSyncExternalStore` and nothing re-renders between changes. The focused highlight
 * lives here and only here: the reader's highlights plugin paints whatever this says
 * (annotations/reader-registry.ts sends it as transaction metadata). The view filter says whose
 * highlights are shown (#shared/analysis/view-filter.ts).
 */
import { SHOW_EVERYONE, type ViewFilter } from '#shared/analysis/view-filter.ts';
import type { HighlightId, NoteId } from '#shared/model/ids.ts';
import type { LocalMember } from './identity.ts';
import type { StorageStatus } from './local-persistence.ts';

/** Panels that open beside the reader. */
export type PanelName = 'codebook' | 'annotations' | 'trash' | 'unanchored' | 'analysis';

/** The open tab of the Analysis panel and what it was opened on (null = the first tab, nothing). */
export interface AnalysisState {
  readonly tab: string | null;
  readonly subject: string | null;
}

/** A message for the person (merge result, refused file, failed save). */
export interface Notice {
  readonly kind: 'info' | 'error';
  readonly text: string;
  /** A button that reverses what the notice reports ("Undo"). */
  readonly action?: { readonly label: string; run(): void };
}

/** Everything React renders from. Replaced (new object) on every change. */
export interface WorkspaceSnapshot {
  readonly member: LocalMember | null;
  readonly loaded: boolean;
  /** How far the project has loaded from local storage, in whole percent steps of 5 (100 once loaded). */
  readonly loadPercent: number;
  readonly storage: StorageStatus;
  readonly panel: PanelName | null;
  /** The focused highlight of the open reader (the one source of truth for focus). */
  readonly focused: HighlightId | null;
  /** The highlight whose popover is open (always the focused one; cleared when focus moves). */
  readonly popover: HighlightId | null;
  readonly notice: Notice | null;
  /** A note whose editor should take the caret (consumed by the margin). */
  readonly editNote: NoteId | null;
  /** Bumped when the reader's selection changes. */
  readonly selectionVersion: number;
  /** The article open in the reader, if any. */
  readonly readerDocumentId: string | null;
  /** The Analysis panel's tab and subject (kept while the panel is closed). */
  readonly analysis: AnalysisState;
  /** Whose highlights the reader, margin and panels show (kept per project on this machine). */
  readonly viewFilter: ViewFilter;
}

/** A subscribable snapshot with one way to change it. */
export interface UiState {
  getSnapshot(): WorkspaceSnapshot;
  subscribe(listener: () => void): () => void;
  /** Replaces the snapshot with `changes` applied and tells every listener. */
  update(changes: Partial<WorkspaceSnapshot>): void;
}

/** The state before anything happened: no panel, focus, notice, note request or open article. */
export function initialSnapshot(input: Pick<WorkspaceSnapshot, 'member' | 'loaded' | 'storage'> & { readonly viewFilter?: ViewFilter; readonly loadPercent?: number }): WorkspaceSnapshot {
  return { viewFilter: SHOW_EVERYONE, loadPercent: input.loaded ? 100 : 0, ...input, panel: null, focused: null, popover: null, notice: null, editNote: null, selectionVersion: 0, readerDocumentId: null, analysis: { tab: null, subject: null } };
}

/** Creates the state holding `initial`. */
export function createUiState(initial: WorkspaceSnapshot): UiState {
  const listeners = new Set<() => void>();
  let snapshot = initial;
  return {
    getSnapshot: () => snapshot,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    update(changes) {
      snapshot = { ...snapshot, ...changes };
      for (const listener of [...listeners]) listener();
    },
  };
}
