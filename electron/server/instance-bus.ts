/**
 * What instances of one deployment tell each other through Redis, besides room updates
 * (which travel through Hocuspocus's Redis extension): revoked tokens, and a heartbeat a
 * second from which each instance knows its peers and the Redis delay.
 *
 * A revocation is published by the instance that revoked (or found a revocation in
 * PostgreSQL); every instance then closes its sockets of that token (access-extension.ts).
 * PostgreSQL stays the authority: each instance also polls the tokens' revocation mark,
 * so a revocation made while Redis was down, or by the CLI, still closes sockets.
 *
 * The delay is measured from each peer's heartbeat timestamp to its arrival; it assumes
 * the instances' clocks agree (NTP), and is reported, never acted on.
 */
import { Redis } from 'ioredis';

const REVOCATIONS = 'marginalia#revocations';
const HEARTBEATS = 'marginalia#heartbeats';
/** A peer not heard from for this long is no longer listed. */
const PEER_FORGET_MS = 5000;

/** The bus of one instance. */
export interface InstanceBus {
  /** Tells every instance that `tokenId` was revoked. */
  publishRevocation(tokenId: string): Promise<void>;
  /** True while both connections to Redis are ready. */
  connected(): boolean;
  /** Delay of the latest heartbeat from a peer, in ms, or null. */
  lagMs(): number | null;
  /** Peers heard from recently, with seconds since last heard. */
  peers(): Record<string, number>;
  close(): Promise<void>;
}

/** Options of the bus. */
export interface InstanceBusOptions {
  readonly url: string;
  readonly instance: string;
  /** Called with a token id revoked on another instance. */
  readonly onRevocation: (tokenId: string) => void;
  /** Called when Redis is reachable again after an outage. */
  readonly onReconnect: () => void;
}

/** Connects to Redis and starts the heartbeat. */
export function openInstanceBus(options: InstanceBusOptions): InstanceBus {
  const connect = () => new Redis(options.url, { maxRetriesPerRequest: 1, retryStrategy: (times) => Math.min(times * 100, 1000) });
  const pub = connect();
  const sub = connect();
  pub.on('error', () => undefined);
  sub.on('error', () => undefined);
  const seen = new Map<string, number>();
  let lag: number | null = null;
  let readyBefore = false;
  sub.on('ready', () => {
    if (readyBefore) options.onReconnect();
    readyBefore = true;
  });
  void sub.subscribe(REVOCATIONS, HEARTBEATS).catch(() => undefined);
  sub.on('message', (channel: string, message: string) => {
    if (channel === REVOCATIONS) {
      const { instance, tokenId } = JSON.parse(message) as { instance: string; tokenId: string };
      if (instance !== options.instance) options.onRevocation(tokenId);
    } else if (channel === HEARTBEATS) {
      const { instance, at } = JSON.parse(message) as { instance: string; at: number };
      if (instance === options.instance) return;
      seen.set(instance, Date.now());
      lag = Math.max(0, Date.now() - at);
    }
  });
  const heartbeat = setInterval(() => {
    if (pub.status === 'ready') void pub.publish(HEARTBEATS, JSON.stringify({ instance: options.instance, at: Date.now() })).catch(() => undefined);
  }, 1000);
  heartbeat.unref();
  return {
    async publishRevocation(tokenId) {
      await pub.publish(REVOCATIONS, JSON.stringify({ instance: options.instance, tokenId }));
    },
    connected: () => pub.status === 'ready' && sub.status === 'ready',
    lagMs: () => lag,
    peers() {
      const now = Date.now();
      const peers: Record<string, number> = {};
      for (const [instance, at] of seen) if (now - at < PEER_FORGET_MS) peers[instance] = Math.round((now - at) / 100) / 10;
      return peers;
    },
    async close() {
      clearInterval(heartbeat);
      pub.disconnect();
      sub.disconnect();
    },
  };
}
