/**
 * Hocuspocus extension for access control: per-project tokens and live revocation.
 *
 * `onAuthenticate` maps the room to its project (shared/sync/rooms.ts) and checks the
 * presented token against the token store (read from SQLite on every attempt, so the
 * CLI's changes apply at once). A refusal is thrown as `{ reason }` — Hocuspocus sends
 * `reason` verbatim to the provider, which emits it as `authenticationFailed`. The
 * thrown value is deliberately not an Error with a message: Hocuspocus prints those to
 * stderr, while this server logs one JSON line instead.
 *
 * Revocation of an open connection: every authenticated socket is remembered under its
 * token id. `checkRevocations()` hands the sockets whose token is now revoked to the
 * server, which stops reading them at once (nothing they sent after is applied), closes
 * them (code 4403, reason "token revoked") and cuts any that ignore the close after a
 * short grace; the provider reconnects, is refused with the same reason, and shows it. The server calls it on a timer whenever SQLite's `data_version`
 * shows that another process (the CLI) committed, and directly after an in-process
 * revocation.
 */
import type {
  Extension,
  WebSocketLike,
  connectedPayload,
  onAuthenticatePayload,
  onDisconnectPayload,
} from '@hocuspocus/server';
import type { ProjectId } from '#shared/model/ids.ts';
import { REFUSAL_REASONS } from '#shared/sync/protocol.ts';
import { projectFromRoom } from '#shared/sync/rooms.ts';
import { logEntry } from './server-log.ts';
import type { SyncServerLogger } from './server-log.ts';
import type { AccessStore } from './server-store.ts';

/** What a connection's Hocuspocus context carries after authentication. */
export interface AccessContext {
  readonly projectId: ProjectId;
  readonly tokenId: string;
  readonly tokenLabel: string;
}

/** The access extension plus the revocation check the server drives. */
export interface AccessControl {
  readonly extension: Extension;
  /** Closes every socket authenticated with a token that is now revoked. Resolves with how many. */
  checkRevocations(): Promise<number>;
}

/** What the server does when a socket authenticates, and when its token is revoked. */
export interface AccessHooks {
  /** The socket the server knows as `socketKey` presented a valid token (called before its room loads). */
  authenticated(socketKey: string, tokenId: string): void;
  /** Stop reading the socket at once and close it (4403 "token revoked"). */
  revoked(socket: WebSocketLike): void;
}

/** Creates the access extension over a token store. */
export function createAccessControl(tokens: AccessStore, log: SyncServerLogger, hooks: AccessHooks): AccessControl {
  const socketsByToken = new Map<string, Set<WebSocketLike>>();

  const forget = (tokenId: string, socket: WebSocketLike): void => {
    const sockets = socketsByToken.get(tokenId);
    sockets?.delete(socket);
    if (sockets?.size === 0) socketsByToken.delete(tokenId);
  };

  const extension: Extension = {
    extensionName: 'marginalia-access',
    async onAuthenticate({ token, documentName, socketId, context }: onAuthenticatePayload): Promise<AccessContext> {
      const projectId = projectFromRoom(documentName);
      const verdict = projectId
        ? await tokens.verifyToken(token, projectId)
        : { ok: false as const, reason: REFUSAL_REASONS.unknownRoom, tokenId: null };
      if (!verdict.ok) {
        log(logEntry('refused', { socketId, room: documentName, tokenId: verdict.tokenId, reason: verdict.reason }));
        throw { reason: verdict.reason };
      }
      const socketKey = (context as { socketKey?: unknown } | undefined)?.socketKey;
      if (typeof socketKey === 'string') hooks.authenticated(socketKey, verdict.record.id);
      return { projectId: verdict.record.projectId, tokenId: verdict.record.id, tokenLabel: verdict.record.label };
    },
    async connected({ connection, context, socketId, documentName }: connectedPayload<AccessContext>) {
      const sockets = socketsByToken.get(context.tokenId) ?? new Set<WebSocketLike>();
      sockets.add(connection.webSocket);
      socketsByToken.set(context.tokenId, sockets);
      connection.onClose(() => forget(context.tokenId, connection.webSocket));
      log(
        logEntry('connect', {
          socketId,
          room: documentName,
          projectId: context.projectId,
          tokenId: context.tokenId,
          label: context.tokenLabel,
        }),
      );
    },
    async onDisconnect({ context, socketId, documentName, clientsCount }: onDisconnectPayload<AccessContext>) {
      log(logEntry('disconnect', { socketId, room: documentName, tokenId: context.tokenId, remaining: clientsCount }));
    },
  };

  return {
    extension,
    async checkRevocations() {
      let closed = 0;
      if (socketsByToken.size === 0) return 0;
      for (const tokenId of await tokens.revokedAmong([...socketsByToken.keys()])) {
        const sockets = [...(socketsByToken.get(tokenId) ?? [])];
        socketsByToken.delete(tokenId);
        for (const socket of sockets) hooks.revoked(socket);
        closed += sockets.length;
        log(logEntry('token-revoked', { tokenId, closedSockets: sockets.length }));
      }
      return closed;
    },
  };
}
