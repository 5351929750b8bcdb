/**
 * A real Redis (Debian's redis-server) for the scale-out tests: 127.0.0.1 on a free
 * port, no persistence, its own temporary folder; `restart()` brings it back on the same
 * port (to test instances reconnecting), `stop()` ends it. Callers put `stop()` in
 * afterAll; a process exit hook kills it whatever happened.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, requireBinary, spawnEngine, stopEngine, waitForEngine } from './engine-process.ts';

const REDIS_SERVER = '/usr/bin/redis-server';

/** A running Redis. */
export interface TestRedis {
  readonly url: string;
  readonly port: number;
  /** Kills it (SIGKILL by default) and waits for it to end. */
  kill(signal?: NodeJS.Signals): Promise<void>;
  /** Starts it again on the same port. */
  restart(): Promise<void>;
  /** Stops it and removes its folder. */
  stop(): Promise<void>;
}

async function answersPing(port: number): Promise<boolean> {
  return await new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port }, () => socket.write('PING\r\n'));
    socket.setTimeout(500, () => socket.destroy());
    socket.once('data', (data) => {
      socket.destroy();
      resolve(data.toString().startsWith('+PONG'));
    });
    socket.once('error', () => resolve(false));
    socket.once('close', () => resolve(false));
  });
}

/** Starts a Redis on 127.0.0.1 and resolves once it answers PING. */
export async function startRedis(): Promise<TestRedis> {
  requireBinary(REDIS_SERVER);
  const dir = mkdtempSync(join(tmpdir(), 'marginalia-redis-'));
  const port = await freePort();
  let engine: ReturnType<typeof spawnEngine> | null = null;
  const launch = async () => {
    engine = spawnEngine(REDIS_SERVER, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir]);
    const current = engine;
    await waitForEngine(() => answersPing(port), 'redis-server', current.output);
  };
  await launch();
  const kill = async (signal: NodeJS.Signals = 'SIGKILL') => {
    if (engine) await stopEngine(engine.child, engine.exited, signal);
    engine = null;
  };
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    kill,
    async restart() {
      await kill();
      await launch();
    },
    async stop() {
      await kill('SIGTERM');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
