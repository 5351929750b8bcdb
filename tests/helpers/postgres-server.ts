/**
 * A real PostgreSQL (Debian's postgresql 15) for the scale-out tests: a fresh cluster in
 * a temporary folder, listening on 127.0.0.1 on a free port, its unix socket inside that
 * folder. PostgreSQL refuses to run as root, so as root the cluster belongs to `nobody`
 * and initdb/postgres run through `setpriv` (which execs, so the pid is postgres itself);
 * as any other user they run directly. `restart()` brings it back on the same port and
 * data; `stop()` ends it and removes the folder. A process exit hook kills it whatever
 * happened.
 */
import { execFileSync } from 'node:child_process';
import { chownSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { freePort, requireBinary, spawnEngine, stopEngine, waitForEngine } from './engine-process.ts';

const BIN = '/usr/lib/postgresql/15/bin';
const UNPRIVILEGED = { uid: 65534, gid: 65534 };

/** A running PostgreSQL. */
export interface TestPostgres {
  /** Connection string of its `postgres` database (user `marginalia`, trust on loopback). */
  readonly url: string;
  readonly port: number;
  /** A connection string for a fresh database of that name (created on demand). */
  createDatabase(name: string): Promise<string>;
  /** Stops it at once, as a crash would (SIGQUIT: immediate shutdown, no checkpoint), and waits for it to end. */
  kill(signal?: NodeJS.Signals): Promise<void>;
  /** Starts it again on the same port and data. */
  restart(): Promise<void>;
  /** Stops it and removes its folder. */
  stop(): Promise<void>;
}

const asRoot = () => process.getuid?.() === 0;

function command(binary: string, args: readonly string[]): [string, string[]] {
  const path = requireBinary(join(BIN, binary));
  if (!asRoot()) return [path, [...args]];
  return ['setpriv', [`--reuid=${UNPRIVILEGED.uid}`, `--regid=${UNPRIVILEGED.gid}`, '--clear-groups', path, ...args]];
}

async function accepts(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Initialises a cluster and starts PostgreSQL; resolves once it accepts connections. */
export async function startPostgres(): Promise<TestPostgres> {
  const dir = mkdtempSync(join(tmpdir(), 'marginalia-postgres-'));
  if (asRoot()) chownSync(dir, UNPRIVILEGED.uid, UNPRIVILEGED.gid);
  const data = join(dir, 'data');
  const [initdb, initArgs] = command('initdb', ['-D', data, '-U', 'marginalia', '-A', 'trust', '--no-sync', '-E', 'UTF8']);
  execFileSync(initdb, initArgs, { stdio: 'pipe' });
  const port = await freePort();
  const url = `postgres://marginalia@127.0.0.1:${port}/postgres`;
  let engine: ReturnType<typeof spawnEngine> | null = null;
  const launch = async () => {
    const [postgres, args] = command('postgres', ['-D', data, '-p', String(port), '-h', '127.0.0.1', '-k', dir, '-c', 'fsync=off', '-c', 'max_connections=200']);
    engine = spawnEngine(postgres, args);
    const current = engine;
    await waitForEngine(() => accepts(url), 'postgres', current.output);
  };
  await launch();
  const kill = async (signal: NodeJS.Signals = 'SIGQUIT') => {
    if (engine) await stopEngine(engine.child, engine.exited, signal);
    engine = null;
  };
  return {
    url,
    port,
    async createDatabase(name) {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`);
      } finally {
        await client.end();
      }
      return `postgres://marginalia@127.0.0.1:${port}/${name}`;
    },
    kill,
    async restart() {
      await kill();
      await launch();
    },
    async stop() {
      await kill('SIGINT');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
