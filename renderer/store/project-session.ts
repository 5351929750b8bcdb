/**
 * The open project: ONE Y.Doc and ONE IndexedDB persistence per project id, for the
 * lifetime of the page.
 *
 * Sessions live in a module-level registry, created on first request and never inside a
 * React render or effect: StrictMode mounts components twice, and two providers on one doc
 * (or two docs for one project) would double-write and race. React reads a session through
 * `getProjectSession(id)`, which returns the same object every time.
 *
 * The session is the attachment point for everything that speaks Yjs: the highlights
 * plugin and panels read `doc`, per-member undo managers come from `undoManager(member)`,
 * and a team-sync provider attaches to the same `doc` after `whenLoaded` (IndexedDB
 * first, then the network, docs/architecture.md §6) and registers its teardown with `onClose`.
 * Before the window goes away (`pagehide`, `beforeunload`) the session flushes pending
 * IndexedDB writes.
 */
import * as Y from 'yjs';
import type { MemberId, ProjectId } from '#shared/model/ids.ts';
import { openLocalPersistence, type LocalPersistence, type StorageStatus } from './local-persistence.ts';
import { createUndoManager } from '#shared/model/undo.ts';

/** One open project. */
export interface ProjectSession {
  readonly projectId: ProjectId;
  /** The project's single Y.Doc. */
  readonly doc: Y.Doc;
  /** Resolves when IndexedDB content has been applied (or storage proved unusable). Show annotations only after it. */
  readonly whenLoaded: Promise<void>;
  /** True once `whenLoaded` has resolved. */
  loaded(): boolean;
  /** How far loading from IndexedDB has come, 0 to 1. */
  loadProgress(): number;
  /** Calls `listener` as loading progresses; returns an unsubscribe. */
  onLoadProgress(listener: (progress: number) => void): () => void;
  /** Local storage state, for the storage banner. */
  storage(): StorageStatus;
  /** Subscribes to storage state changes; returns an unsubscribe. */
  onStorage(listener: (status: StorageStatus) => void): () => void;
  /** The undo manager tracking only `member`'s local edits (one per member, created on first use). */
  undoManager(member: MemberId): Y.UndoManager;
  /** Resolves when every change made so far is committed to IndexedDB. */
  flush(): Promise<void>;
  /** Registers teardown for something attached to this session (e.g. a sync provider). */
  onClose(cleanup: () => void | Promise<void>): void;
}

/** Options for tests and tools (the app uses the defaults). */
export interface SessionOptions {
  /** IndexedDB to use; null means "none available". Defaults to the global one. */
  readonly indexedDB?: IDBFactory | null;
  /** Where to listen for the page going away; null to not listen (tests). */
  readonly lifecycleTarget?: Pick<Window, 'addEventListener' | 'removeEventListener'> | null;
}

type SessionEntry = { session: ProjectSession; close(): Promise<void> };

const sessions = new Map<ProjectId, SessionEntry>();

/** IndexedDB database name of a project. */
export function databaseName(projectId: ProjectId): string {
  return `marginalia-project-${projectId}`;
}

function createSession(projectId: ProjectId, options: SessionOptions): SessionEntry {
  const doc = new Y.Doc();
  performance.mark('marginalia:session-open');
  const factory = options.indexedDB !== undefined ? options.indexedDB : globalThis.indexedDB ?? null;
  const persistence: LocalPersistence = openLocalPersistence(databaseName(projectId), doc, factory);
  let isLoaded = false;
  const whenLoaded = persistence.whenLoaded.then(() => {
    isLoaded = true;
    // User Timing marks: the reader benchmark measures IndexedDB → model ready from these.
    performance.mark('marginalia:project-loaded');
  });
  const undoManagers = new Map<MemberId, Y.UndoManager>();
  const cleanups: Array<() => void | Promise<void>> = [];

  const target = options.lifecycleTarget === undefined ? (typeof window === 'undefined' ? null : window) : options.lifecycleTarget;
  const onLeave = (): void => {
    void persistence.flush();
  };
  target?.addEventListener('pagehide', onLeave);
  target?.addEventListener('beforeunload', onLeave);

  const session: ProjectSession = {
    projectId,
    doc,
    whenLoaded,
    loaded: () => isLoaded,
    loadProgress: () => persistence.loadProgress(),
    onLoadProgress: (listener) => persistence.onLoadProgress(listener),
    storage: () => persistence.status(),
    onStorage: (listener) => persistence.onStatus(listener),
    undoManager(member) {
      let manager = undoManagers.get(member);
      if (!manager) {
        manager = createUndoManager(doc, member, { captureTimeout: 400 });
        undoManagers.set(member, manager);
      }
      return manager;
    },
    flush: () => persistence.flush(),
    onClose: (cleanup) => void cleanups.push(cleanup),
  };

  return {
    session,
    async close() {
      target?.removeEventListener('pagehide', onLeave);
      target?.removeEventListener('beforeunload', onLeave);
      for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
      for (const manager of undoManagers.values()) manager.destroy();
      await persistence.flush();
      await persistence.destroy();
      doc.destroy();
    },
  };
}

/** The session of `projectId`, created on first call; later calls return the same object. */
export function getProjectSession(projectId: ProjectId, options: SessionOptions = {}): ProjectSession {
  let entry = sessions.get(projectId);
  if (!entry) {
    entry = createSession(projectId, options);
    sessions.set(projectId, entry);
  }
  return entry.session;
}

/** Closes a session (flushes, detaches attachments, destroys the doc). The next `getProjectSession` starts fresh. */
export async function closeProjectSession(projectId: ProjectId): Promise<void> {
  const entry = sessions.get(projectId);
  if (!entry) return;
  sessions.delete(projectId);
  await entry.close();
}
