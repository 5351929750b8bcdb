/**
 * The annotation workspace: what the annotation regions (reader bridge, margin, toolbar,
 * panels, dialogs) share, composed from focused parts created once in main.tsx, outside
 * React:
 * - the project session (store/project-session.ts): the one Y.Doc and its persistence;
 * - the local actor (store/local-actor.ts): the person, their writes, their undo;
 * - the UI state (store/ui-state.ts): the snapshot React renders from, focus included;
 * - the reader registry (reader-registry.ts): the open reader and focus in it.
 * Components read the snapshot through `useSyncExternalStore` (use-workspace.ts) and call
 * these actions; each action belongs to exactly one of the parts.
 */
import { keepAnnotationIndexWarm } from '../store/annotation-index-schedule.ts';
import type { Actor } from '#shared/model/write.ts';
import type { HighlightId, MemberId, NoteId } from '#shared/model/ids.ts';
import { shownMember, type ViewFilter } from '#shared/analysis/view-filter.ts';
import { localProjectId, type KeyValueStore } from '../store/identity.ts';
import { createLocalActor } from '../store/local-actor.ts';
import { getProjectSession, type ProjectSession } from '../store/project-session.ts';
import { loadViewFilter, saveViewFilter } from '../store/view-filter-store.ts';
import { createUiState, initialSnapshot, type Notice, type PanelName, type WorkspaceSnapshot } from '../store/ui-state.ts';
import { createReaderRegistry, type OpenReader } from './reader-registry.ts';
import { afterNextFrame, whenIdle } from '../services/event-loop.ts';
import { panelCoversMargin } from '../ui/panel-column.ts';
import { pendingDocIndexes } from '#shared/model/doc-indexes.ts';

/** Longest an idle callback builds one of the reader's doc indexes (ms). */
const IDLE_STEP_MS = 8;

/** The workspace. */
export interface AnnotationWorkspace {
  readonly session: ProjectSession;
  getSnapshot(): WorkspaceSnapshot;
  subscribe(listener: () => void): () => void;
  /** Saves the first-run (or edited) profile and records it in the project. */
  setProfile(profile: { readonly name: string; readonly colour: string }): void;
  /** The local person as a model actor; stamps the project on first use. Throws before first run. */
  actor(): Actor;
  /** The name the project is shown by: its own, else what it is ("Personal project"…). */
  projectName(): string;
  setPanel(panel: PanelName | null): void;
  /** Shows everyone's highlights, only mine or one person's (remembered per project on this machine). */
  setViewFilter(filter: ViewFilter): void;
  /** The one person whose highlights are shown, or null when everyone's are. */
  shownMember(): MemberId | null;
  /** Opens the Analysis panel on `tab` (an id of analysis/analysis-tabs.ts), with an optional subject. */
  openAnalysis(tab: string, subject?: string | null): void;
  /** Focuses a highlight of the open reader (null clears); `reveal` scrolls it into view. */
  focusHighlight(id: HighlightId | null, options?: { readonly reveal?: boolean }): void;
  /** Opens `documentId` in the reader (via `navigate`) and focuses `id` once it is there. */
  jumpTo(id: HighlightId, documentId: string): void;
  /** Opens `documentId` in the reader and selects canonical-text offsets [start, end) there (a search match). */
  revealText(documentId: string, range: { readonly start: number; readonly end: number }): void;
  attachReader(reader: OpenReader): () => void;
  /** Opens the popover of `id` (focusing it), or closes the popover (null). */
  showPopover(id: HighlightId | null): void;
  /** Asks the margin to put the caret in `note`'s editor. */
  requestNoteEditor(note: NoteId | null): void;
  /** The reader's selection changed (the toolbar follows it). */
  selectionChanged(): void;
  reader(): OpenReader | null;
  undo(): void;
  redo(): void;
  /** Ends the person's current undo step (they clicked, or moved to another field). */
  endUndoStep(): void;
  notify(notice: Notice | null): void;
}

/** Where the workspace gets what it needs. */
export interface WorkspaceOptions {
  readonly storage: KeyValueStore;
  /** Navigates to an article (sets the route). */
  readonly navigate: (documentId: string) => void;
  /** Session to use (tests); defaults to the local project's session. */
  readonly session?: ProjectSession;
}

/** Creates the workspace; call once per page. */
export function createAnnotationWorkspace(options: WorkspaceOptions): AnnotationWorkspace {
  const session = options.session ?? getProjectSession(localProjectId(options.storage));
  const person = createLocalActor(options.storage, session);
  const viewFilter = loadViewFilter(options.storage, session.projectId);
  const ui = createUiState(initialSnapshot({ member: person.member(), loaded: session.loaded(), storage: session.storage(), viewFilter }));
  const readers = createReaderRegistry(ui, options.navigate);

  session.onStorage((storage) => ui.update({ storage }));
  // In steps of 5 %: a re-render per step, not per turn of the load.
  session.onLoadProgress((progress) => {
    const loadPercent = Math.floor(progress * 20) * 5;
    if (loadPercent !== ui.getSnapshot().loadPercent) ui.update({ loadPercent });
  });
  // A frame after the load's last turn: opening the annotations (attaching them to the open
  // article, the first render of the margin) is then a frame of its own. The Annotations
  // panel's index and the reader's indexes are first built in idle time after it (each a
  // pass over every highlight or note: 7–18 ms on the 10k project, built 8 ms an idle
  // callback), not in that frame or in the one that first opens an article.
  void session.whenLoaded.then(afterNextFrame).then(() => {
    person.projectLoaded();
    whenIdle(() => keepAnnotationIndexWarm(session.doc));
    for (const build of pendingDocIndexes(session.doc)) {
      const step = (): void => {
        if (!build(IDLE_STEP_MS)) whenIdle(step);
      };
      whenIdle(step);
    }
    ui.update({ loaded: true, storage: session.storage() });
  });

  return {
    session,
    getSnapshot: ui.getSnapshot,
    subscribe: ui.subscribe,
    setProfile: (profile) => ui.update({ member: person.setProfile(profile) }),
    actor: person.actor,
    projectName: person.projectName,
    undo() {
      person.undo();
      // A notice offering to undo what it reports ("Moved to the trash … Undo") no longer
      // says what is so once the person has undone a step themselves.
      if (ui.getSnapshot().notice?.action !== undefined) ui.update({ notice: null });
    },
    endUndoStep: person.endUndoStep,
    redo: person.redo,
    setPanel: (panel) => ui.update({ panel }),
    setViewFilter(filter) {
      saveViewFilter(options.storage, session.projectId, filter);
      ui.update({ viewFilter: filter });
      // The open article repaints at once; the margin and panels follow the snapshot.
      readers.reader()?.highlights.refilter();
    },
    shownMember: () => shownMember(ui.getSnapshot().viewFilter, ui.getSnapshot().member?.id ?? null),
    openAnalysis: (tab, subject = null) => ui.update({ panel: 'analysis', analysis: { tab, subject } }),
    // A note is written in the margin: a panel standing in its place (a narrow window) makes way.
    requestNoteEditor: (note) => ui.update(note !== null && ui.getSnapshot().panel !== null && panelCoversMargin() ? { editNote: note, panel: null } : { editNote: note }),
    showPopover(id) {
      if (id !== null) readers.focusHighlight(id);
      const focused = ui.getSnapshot().focused;
      ui.update({ popover: id !== null && focused === id ? id : null });
    },
    selectionChanged: () => ui.update({ selectionVersion: ui.getSnapshot().selectionVersion + 1 }),
    notify: (notice) => ui.update({ notice }),
    reader: readers.reader,
    attachReader: readers.attachReader,
    focusHighlight: readers.focusHighlight,
    jumpTo: readers.jumpTo,
    revealText: readers.revealText,
  };
}
