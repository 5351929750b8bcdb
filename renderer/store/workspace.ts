/**
 * The annotation workspace: the local person, the open project session, and the small UI
 * state the annotation regions share (focused highlight, open panel, notices, the reader
 * that is open). Created once in main.tsx, outside React; components read it through
 * `useSyncExternalStore` (see workspace-react.ts) and call its actions.
 *
 * Writes go through `actor()`; the first annotation of a fresh project stamps the project
 * meta (`createProject`, once, with the local project id) — never at startup, so a fresh
 * client can still merge a teammate's project file into its empty doc. Profile and project
 * stamping run under the bookkeeping origin so a person's undo never un-creates them.
 */
import type { EditorView } from 'prosemirror-view';
import type { Article } from '#shared/documents/article.ts';
import type { Actor } from '#shared/model/write.ts';
import type { HighlightId, NoteId } from '#shared/model/ids.ts';
import { bookkeepingOrigin } from '#shared/model/origins.ts';
import { createProject, getProjectMeta, setMember } from '#shared/model/project.ts';
import { getMember } from '#shared/model/members.ts';
import { highlightSelector, highlightsPluginKey, setHighlightsMeta } from '../reader/highlights-plugin.ts';
import { loadLocalMember, localProjectId, saveLocalMember, type KeyValueStore, type LocalMember } from './identity.ts';
import { getProjectSession, type ProjectSession } from './project-session.ts';
import type { StorageStatus } from './local-persistence.ts';
import type { DocumentHighlights } from './document-highlights.ts';

/** Panels that open over the margin. */
export type PanelName = 'codebook' | 'annotations' | 'trash' | 'unanchored';

/** A message for the person (merge result, refused file, failed save). */
export interface Notice {
  readonly kind: 'info' | 'error';
  readonly text: string;
}

/** Everything React renders from. Replaced (new object) on every change. */
export interface WorkspaceSnapshot {
  readonly member: LocalMember | null;
  readonly loaded: boolean;
  readonly storage: StorageStatus;
  readonly panel: PanelName | null;
  readonly focused: HighlightId | null;
  readonly notice: Notice | null;
  /** A note whose editor should take the caret (consumed by the margin). */
  readonly editNote: NoteId | null;
  /** Bumped when the reader's selection changes. */
  readonly selectionVersion: number;
  /** The article open in the reader, if any. */
  readonly readerDocumentId: string | null;
}

/** The reader currently showing an article, as registered by the reader. */
export interface OpenReader {
  readonly article: Article;
  readonly view: EditorView;
  readonly scroller: HTMLElement;
  readonly highlights: DocumentHighlights;
}

/** The workspace. */
export interface AnnotationWorkspace {
  readonly session: ProjectSession;
  getSnapshot(): WorkspaceSnapshot;
  subscribe(listener: () => void): () => void;
  /** Saves the first-run (or edited) profile and records it in the project. */
  setProfile(profile: { readonly name: string; readonly colour: string }): void;
  /** The local person as a model actor; stamps the project on first use. Throws before first run. */
  actor(): Actor;
  setPanel(panel: PanelName | null): void;
  /** Focuses a highlight of the open reader (null clears); `reveal` scrolls it into view. */
  focusHighlight(id: HighlightId | null, options?: { readonly reveal?: boolean }): void;
  /** Opens `documentId` in the reader (via `navigate`) and focuses `id` once it is there. */
  jumpTo(id: HighlightId, documentId: string): void;
  attachReader(reader: OpenReader): () => void;
  /** Asks the margin to put the caret in `note`'s editor. */
  requestNoteEditor(note: NoteId | null): void;
  /** The reader's selection changed (the toolbar follows it). */
  selectionChanged(): void;
  reader(): OpenReader | null;
  undo(): void;
  redo(): void;
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
  const listeners = new Set<() => void>();
  let member = loadLocalMember(options.storage);
  let openReader: OpenReader | null = null;
  let pendingFocus: HighlightId | null = null;
  let snapshot: WorkspaceSnapshot = {
    member,
    loaded: session.loaded(),
    storage: session.storage(),
    panel: null,
    focused: null,
    notice: null,
    readerDocumentId: null,
    selectionVersion: 0,
    editNote: null,
  };
  const update = (changes: Partial<WorkspaceSnapshot>): void => {
    snapshot = { ...snapshot, ...changes };
    for (const listener of [...listeners]) listener();
  };

  const recordProfile = (): void => {
    if (member === null || !session.loaded()) return;
    const current = getMember(session.doc, member.id);
    if (current && current.name === member.name && current.colour === member.colour) return;
    const profile = { name: member.name, colour: member.colour };
    const actor = { member: member.id };
    session.doc.transact(() => setMember(session.doc, actor, profile), bookkeepingOrigin);
  };
  /** The undo manager must exist before the person's first edit, or that edit is not undoable. */
  const startUndo = (): void => {
    if (member !== null && session.loaded()) session.undoManager(member.id);
  };

  session.onStorage((storage) => update({ storage }));
  void session.whenLoaded.then(() => {
    recordProfile();
    startUndo();
    update({ loaded: true, storage: session.storage() });
  });

  const workspace: AnnotationWorkspace = {
    session,
    getSnapshot: () => snapshot,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    setProfile(profile) {
      member = saveLocalMember(options.storage, profile);
      recordProfile();
      startUndo();
      update({ member });
    },
    actor() {
      if (member === null) throw new Error('choose a display name first');
      const actor: Actor = { member: member.id };
      if (getProjectMeta(session.doc).id === undefined) {
        session.doc.transact(() => createProject(session.doc, actor, { name: 'Research project', id: session.projectId }), bookkeepingOrigin);
      }
      return actor;
    },
    setPanel: (panel) => update({ panel }),
    focusHighlight(id, focusOptions = {}) {
      const reader = openReader;
      if (reader) {
        const known = id === null || reader.highlights.spans().has(id);
        const focus = known ? id : null;
        // Already focused in the reader (e.g. a new highlight, focused in its own transaction): no editor update.
        if ((highlightsPluginKey.getState(reader.view.state)?.focused ?? null) !== focus) {
          reader.view.dispatch(setHighlightsMeta(reader.view.state.tr, { focus }));
        }
        if (id !== null && known && focusOptions.reveal) {
          const element = reader.view.dom.querySelector(highlightSelector(id));
          element?.scrollIntoView({ block: 'center', inline: 'nearest' });
        }
      }
      if (snapshot.focused !== id) update({ focused: id });
    },
    jumpTo(id, documentId) {
      if (openReader?.article.meta.id === documentId) {
        workspace.focusHighlight(id, { reveal: true });
        return;
      }
      pendingFocus = id;
      options.navigate(documentId);
    },
    attachReader(reader) {
      openReader = reader;
      update({ readerDocumentId: reader.article.meta.id, focused: null });
      if (pendingFocus !== null) {
        const id = pendingFocus;
        pendingFocus = null;
        // Let the browser lay the article out before scrolling to the highlight.
        requestAnimationFrame(() => workspace.focusHighlight(id, { reveal: true }));
      }
      return () => {
        if (openReader !== reader) return;
        openReader = null;
        update({ readerDocumentId: null, focused: null });
      };
    },
    reader: () => openReader,
    requestNoteEditor: (note) => update({ editNote: note }),
    selectionChanged: () => update({ selectionVersion: snapshot.selectionVersion + 1 }),
    undo() {
      if (member !== null) session.undoManager(member.id).undo();
    },
    redo() {
      if (member !== null) session.undoManager(member.id).redo();
    },
    notify: (notice) => update({ notice }),
  };
  return workspace;
}
