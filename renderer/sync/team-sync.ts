/**
 * Team sync for one open project: the Hocuspocus provider's lifecycle, the sync status the
 * top bar shows, and presence.
 *
 * Order matters (docs/architecture.md §6): the project's IndexedDB copy loads first (`whenLoaded`),
 * then the provider is created and attached to the server's shared socket, so the
 * handshake sends only what the server lacks and a slow or absent network never delays
 * opening the project. The provider applies remote updates with itself as the transaction
 * origin, which the per-person undo manager does not track, so undo never reverts a
 * teammate. Everything else the provider reports (socket status, handshake, unacknowledged
 * changes, refusals, closes) is folded into `SyncFacts` → `SyncStatus` (sync-status.ts).
 *
 * Created once per project session, outside React; `destroy()` is registered with the
 * session's `onClose`.
 */
import { HocuspocusProvider } from '@hocuspocus/provider';
import type * as Y from 'yjs';
import { changedItems } from '#shared/model/changed-items.ts';
import { isLocalOrigin } from '#shared/model/origins.ts';
import type { ProjectId } from '#shared/model/ids.ts';
import { CLOSE_CODES } from '#shared/sync/protocol.ts';
import { inviteServers, type Invite } from '#shared/sync/invite.ts';
import { roomForProject } from '#shared/sync/rooms.ts';
import { listPeers, publishPresence, type AwarenessLike, type Peer, type PresenceSelection, type PresenceState } from './presence.ts';
import { acquireSharedSocket, type SharedSocketOptions } from './shared-socket.ts';
import { deriveSyncStatus, INITIAL_SYNC_FACTS, type SocketState, type SyncFacts, type SyncStatus } from './sync-status.ts';

/** What team sync attaches to: a project's doc and the promise of its local load. */
export interface SyncTarget {
  readonly projectId: ProjectId;
  readonly doc: Y.Doc;
  readonly whenLoaded: Promise<void>;
}

/** Options of {@link startTeamSync}. */
export interface TeamSyncOptions extends SharedSocketOptions {
  readonly credentials: Invite;
  readonly target: SyncTarget;
  /** Who is here (presence); null before first run, set later with `setMember`. */
  readonly member: PresenceState['member'] | null;
  /** Clock (tests). */
  readonly now?: () => number;
}

/** A running team sync. */
export interface TeamSync {
  readonly projectId: ProjectId;
  /** The server the sync is on (the invite's first, until it fails over to another). */
  readonly serverUrl: string;
  status(): SyncStatus;
  /** Calls `listener` on every status change; returns an unsubscribe. */
  subscribe(listener: () => void): () => void;
  /** Teammates currently online (other clients with a valid presence). */
  peers(): readonly Peer[];
  /** Calls `listener` when peers change; returns an unsubscribe. */
  subscribePeers(listener: () => void): () => void;
  /** Sets or changes the local member shown to teammates. */
  setMember(member: PresenceState['member']): void;
  /** Tells teammates which article is open (null: none) and what is selected there. */
  setReading(documentId: string | null, selection: PresenceSelection | null): void;
  /** The provider once attached (tests, benchmarks); null while the local copy loads. */
  provider(): HocuspocusProvider | null;
  /** Resolves once the provider is attached (after the local load); rejects never. */
  readonly whenAttached: Promise<void>;
  /** Detaches the provider and releases the shared socket. Local data is untouched. */
  destroy(): void;
}

function describeClose(event: unknown): string {
  const close = event as { code?: number; reason?: string } | undefined;
  const code = close?.code;
  const reason = typeof close?.reason === 'string' ? close.reason : '';
  if (code === CLOSE_CODES.tokenRevoked) return reason || 'token revoked';
  if (code === CLOSE_CODES.goingAway) return reason || 'the server is shutting down or restarting';
  if (code === CLOSE_CODES.messageTooLarge) return 'a change was too large for the server';
  if (code === CLOSE_CODES.documentTooLarge) return reason || 'the project reached the server size limit';
  if (code === CLOSE_CODES.malformedMessage) return reason || 'the server rejected a message';
  if (code === 1006 || code === undefined || code === 0) return 'server unreachable';
  return reason !== '' ? reason : `connection closed (code ${code})`;
}

/** Starts syncing `target` with the team server; returns at once (connection is asynchronous). */
export function startTeamSync(options: TeamSyncOptions): TeamSync {
  const now = options.now ?? Date.now;
  const { credentials, target } = options;
  const statusListeners = new Set<() => void>();
  const peerListeners = new Set<() => void>();
  let facts: SyncFacts = INITIAL_SYNC_FACTS;
  const servers = inviteServers(credentials);
  let serverUrl = servers[0] ?? credentials.serverUrl;
  let status = deriveSyncStatus(facts, serverUrl);
  let peers: readonly Peer[] = [];
  let member = options.member;
  let reading: { documentId: string | null; selection: PresenceSelection | null } = { documentId: null, selection: null };
  let provider: HocuspocusProvider | null = null;
  let release: (() => void) | null = null;
  let destroyed = false;

  const setFacts = (change: Partial<SyncFacts>): void => {
    facts = { ...facts, ...change };
    const next = deriveSyncStatus(facts, serverUrl);
    const changed = (Object.keys(next) as Array<keyof SyncStatus>).some((key) => next[key] !== status[key]);
    if (!changed) return;
    status = next;
    for (const listener of [...statusListeners]) listener();
  };

  const readProvider = (): void => {
    if (provider === null) return;
    const handshakeDone = provider.isSynced;
    const unsyncedChanges = provider.unsyncedChanges;
    const acknowledged = handshakeDone && unsyncedChanges === 0 && facts.refusal === null;
    if (acknowledged) unsent.clear();
    setFacts({ handshakeDone, unsyncedChanges, unsentItems: unsent.size, ...(acknowledged ? { lastSyncedAt: now() } : {}) });
  };

  // What the person did since the server last had everything, counted in project items.
  const unsent = new Set<string>();
  const onTransaction = (transaction: Y.Transaction): void => {
    if (!isLocalOrigin(transaction.origin)) return;
    const before = unsent.size;
    for (const item of changedItems(transaction)) unsent.add(item);
    if (unsent.size !== before) setFacts({ unsentItems: unsent.size });
  };
  target.doc.on('afterTransaction', onTransaction);

  const awareness = (): AwarenessLike | null => (provider?.awareness as AwarenessLike | null | undefined) ?? null;

  const publish = (): void => {
    const current = awareness();
    if (current === null || member === null) return;
    publishPresence(current, { member, documentId: reading.documentId, selection: reading.selection });
  };

  let peersKey = '[]';
  const onAwarenessChange = (): void => {
    const current = awareness();
    const next = current === null ? [] : listPeers(current);
    // Our own presence changes also fire "change"; tell listeners only when peers changed.
    const key = JSON.stringify(next);
    if (key === peersKey) return;
    peersKey = key;
    peers = next;
    for (const listener of [...peerListeners]) listener();
  };

  const attach = (): void => {
    const shared = acquireSharedSocket(servers, options);
    release = shared.release;
    const created = new HocuspocusProvider({
      websocketProvider: shared.socket,
      name: roomForProject(target.projectId),
      document: target.doc,
      token: credentials.token,
    });
    provider = created;
    created.on('status', ({ status: socketStatus }: { status: SocketState }) => {
      // Failover (shared-socket.ts): connected to another server of the deployment than before.
      if (socketStatus === 'connected' && shared.currentUrl() !== serverUrl) {
        const from = serverUrl;
        serverUrl = shared.currentUrl();
        setFacts({ switchedFrom: from });
      }
      if (socketStatus === 'disconnected' && facts.socket !== 'disconnected') {
        setFacts({ socket: socketStatus, disconnectedAt: now() });
      } else setFacts({ socket: socketStatus });
      readProvider();
    });
    created.on('close', ({ event }: { event: unknown }) => {
      setFacts({ lastDisconnect: describeClose(event), handshakeDone: false });
    });
    created.on('synced', readProvider);
    created.on('unsyncedChanges', readProvider);
    created.on('authenticated', () => {
      setFacts({ refusal: null, lastDisconnect: null });
      readProvider();
    });
    created.on('authenticationFailed', ({ reason }: { reason: string }) => setFacts({ refusal: reason }));
    awareness()?.on('change', onAwarenessChange);
    created.attach();
    setFacts({ localLoaded: true, socket: shared.socket.status as SocketState });
    publish();
    readProvider();
  };

  const whenAttached = target.whenLoaded.then(() => {
    if (!destroyed) attach();
  });

  return {
    projectId: target.projectId,
    get serverUrl() {
      return serverUrl;
    },
    status: () => status,
    subscribe(listener) {
      statusListeners.add(listener);
      return () => statusListeners.delete(listener);
    },
    peers: () => peers,
    subscribePeers(listener) {
      peerListeners.add(listener);
      return () => peerListeners.delete(listener);
    },
    setMember(next) {
      member = next;
      publish();
    },
    setReading(documentId, selection) {
      reading = { documentId, selection };
      publish();
    },
    provider: () => provider,
    whenAttached,
    destroy() {
      if (destroyed) return;
      destroyed = true;
      target.doc.off('afterTransaction', onTransaction);
      awareness()?.off('change', onAwarenessChange);
      provider?.destroy();
      provider = null;
      release?.();
      release = null;
      statusListeners.clear();
      peerListeners.clear();
    },
  };
}
