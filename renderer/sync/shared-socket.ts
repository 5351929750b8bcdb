/**
 * One websocket per sync server, shared by every document that syncs through it
 * (docs/architecture.md §2: "one shared websocket for all docs").
 *
 * Hocuspocus multiplexes documents over one `HocuspocusProviderWebsocket`; each project's
 * provider attaches to it. This module keeps one socket per server URL with a reference
 * count, so opening a second project on the same server reuses the connection and the
 * last provider to leave closes it. Reconnection with exponential backoff and jitter is
 * the socket's own (Hocuspocus's `retry`), so a network loss or a server restart heals
 * without anyone pressing a button; the backoff is configurable for tests.
 *
 * Failover (docs/architecture.md §6): a deployment of several instances is one socket over
 * a list of URLs. Whenever the connection closes or an attempt fails, the next attempt
 * goes to the next URL in the list (round robin), so a dead instance costs one retry
 * delay and the socket stays on whichever instance answers. The providers on the socket
 * resend what the server has not acknowledged when they sync again, so nothing is lost.
 */
import { HocuspocusProviderWebsocket } from '@hocuspocus/provider';

/** Reconnection timing (milliseconds). */
export interface ReconnectTiming {
  /** First retry delay. */
  readonly delay: number;
  /** Growth factor per failed attempt. */
  readonly factor: number;
  /** Lower bound of a jittered delay. */
  readonly minDelay: number;
  /** Upper bound of the delay. */
  readonly maxDelay: number;
}

/** The app's timing: quick first retry, then backing off to at most 10 s between attempts. */
export const DEFAULT_RECONNECT_TIMING: ReconnectTiming = { delay: 500, factor: 2, minDelay: 250, maxDelay: 10_000 };

/** Options of {@link acquireSharedSocket}. */
export interface SharedSocketOptions {
  readonly timing?: ReconnectTiming;
  /** A WebSocket constructor for runtimes without a global one (Node tests pass `ws`). */
  readonly WebSocketPolyfill?: unknown;
  /**
   * Who shares sockets. The app has one scope (the default); a test or benchmark that plays
   * several teammates in one process gives each its own, as each teammate's app would have.
   */
  readonly socketScope?: string;
}

interface Entry {
  readonly socket: HocuspocusProviderWebsocket;
  references: number;
}

/** A held socket: the socket, the server it is on, and its release. */
export interface HeldSocket {
  readonly socket: HocuspocusProviderWebsocket;
  /** The URL the socket connects (or last connected) to. */
  currentUrl(): string;
  release(): void;
}

/**
 * Moves `socket` to the next of `urls` each time it disconnects (a close or a failed
 * attempt); calls `onSwitch(from, to)` on each move.
 */
export function rotateOnDisconnect(socket: HocuspocusProviderWebsocket, urls: readonly string[], onSwitch: (from: string, to: string) => void = () => {}): void {
  if (urls.length < 2) return;
  let index = 0;
  socket.on('disconnect', () => {
    const from = urls[index] as string;
    index = (index + 1) % urls.length;
    const to = urls[index] as string;
    socket.configuration.url = to;
    onSwitch(from, to);
  });
}

const sockets = new Map<string, Entry>();

/**
 * The shared socket of a server, or of a deployment's list of servers (created on first
 * use, failing over between them); call `release` once when done with it.
 */
export function acquireSharedSocket(servers: string | readonly string[], options: SharedSocketOptions = {}): HeldSocket {
  const urls = typeof servers === 'string' ? [servers] : servers;
  const url = urls[0] ?? '';
  const key = `${options.socketScope ?? ''}\u0000${urls.join(' ')}`;
  let entry = sockets.get(key);
  if (entry === undefined) {
    const timing = options.timing ?? DEFAULT_RECONNECT_TIMING;
    const socket = new HocuspocusProviderWebsocket({
      url,
      delay: timing.delay,
      factor: timing.factor,
      minDelay: timing.minDelay,
      maxDelay: timing.maxDelay,
      jitter: true,
      maxAttempts: 0,
      ...(options.WebSocketPolyfill !== undefined ? { WebSocketPolyfill: options.WebSocketPolyfill as typeof WebSocket } : {}),
    });
    rotateOnDisconnect(socket, urls);
    entry = { socket, references: 0 };
    sockets.set(key, entry);
  }
  entry.references += 1;
  const held = entry;
  let released = false;
  return {
    socket: held.socket,
    currentUrl: () => held.socket.configuration.url,
    release() {
      if (released) return;
      released = true;
      held.references -= 1;
      if (held.references === 0 && sockets.get(key) === held) {
        sockets.delete(key);
        held.socket.destroy();
      }
    },
  };
}

/** Number of shared sockets currently open (for tests). */
export function openSharedSocketCount(): number {
  return sockets.size;
}
