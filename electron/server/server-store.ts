/**
 * What the sync server needs from its storage, whichever engine holds it.
 *
 * Two engines sit behind the same interfaces (docs/architecture.md §6): SQLite through
 * `node:sqlite` (the default, one instance, synchronous calls) and PostgreSQL through
 * `pg` (several instances, asynchronous calls). The extensions and the server await
 * every call, so a synchronous store is simply an already-settled one. Each engine also
 * brings its own persistence extension, because the moment an update becomes durable
 * differs: SQLite commits inside the Y.Doc `update` event (synchronous, before Hocuspocus
 * acknowledges), PostgreSQL commits in `beforeHandleMessage`, awaited before Hocuspocus
 * applies and acknowledges the message (commit-before-ack-extension.ts).
 */
import type { Extension, WebSocketLike } from '@hocuspocus/server';
import type * as Y from 'yjs';
import type { DocumentStore } from './document-store.ts';
import type { DocumentTexts } from './document-texts.ts';
import type { SyncServerLogger } from './server-log.ts';
import type { TokenStore } from './token-store.ts';

/** A value now or later. */
export type Awaitable<T> = T | Promise<T>;

/** The methods of `T`, each allowed to return its result now or as a promise. */
export type AwaitableMethods<T> = {
  readonly [K in keyof T]: T[K] extends (...args: infer A) => infer R ? (...args: A) => Awaitable<R> : T[K];
};

/** The methods of `T`, each returning a promise of its result. */
export type AsyncMethods<T> = {
  readonly [K in keyof T]: T[K] extends (...args: infer A) => infer R ? (...args: A) => Promise<R> : T[K];
};

/** Room storage as the server uses it (SQLite's is synchronous, PostgreSQL's asynchronous). */
export type RoomStore = AwaitableMethods<DocumentStore>;

/** Added documents' texts as the server uses them. */
export type TextStore = AwaitableMethods<DocumentTexts>;

/** Projects and tokens as the server uses them. */
export type AccessStore = AwaitableMethods<TokenStore>;

/** Projects and tokens kept in PostgreSQL. */
export type AsyncTokenStore = AsyncMethods<TokenStore>;

/** What a persistence extension gets from the server. */
export interface PersistenceContext {
  readonly log: SyncServerLogger;
  /** True once the store is closed (shutdown). */
  readonly isClosed: () => boolean;
  /** Closes a socket with a code and reason, with one log line (the front door's refusal). */
  readonly refuse: (socket: WebSocketLike, code: number, reason: string, detail: string) => void;
  /** Structs of a stored room applied per event-loop turn when it loads (server-limits.ts). */
  readonly structsPerTurn: number;
}

/** One engine's storage, opened for a running server. */
export interface ServerStore {
  /** 'sqlite' or 'postgres', for logs, /health and /metrics. */
  readonly kind: 'sqlite' | 'postgres';
  readonly documents: RoomStore;
  readonly tokens: AccessStore;
  /** Added documents' texts (immutable, keyed by project and id). */
  readonly texts: TextStore;
  /** The extension that makes each client update durable before it is acknowledged. */
  persistence(context: PersistenceContext): Extension;
  /**
   * For a store that commits before acknowledging (PostgreSQL): commits a large update the
   * room guard is about to apply itself, in slices (room-guard.ts). Absent when the store
   * commits inside the room's `update` event (SQLite), which the slices fire anyway.
   */
  commitBeforeApply?(room: string, update: Uint8Array): Promise<void>;
  /** Compacts a loaded room (on shutdown); resolves false if the store failed. */
  compact(room: string, document: Y.Doc, log: SyncServerLogger): Promise<boolean>;
  /**
   * Calls `onChange` when tokens may have been changed by another process (the CLI, another
   * instance), so revocations take effect; returns a function that stops watching.
   */
  watchTokenChanges(onChange: () => void, everyMs: number): () => void;
  /** Round trip to the store in ms; rejects when it does not answer. */
  ping(): Promise<number>;
  /** Closes the store. */
  close(): Promise<void>;
}
