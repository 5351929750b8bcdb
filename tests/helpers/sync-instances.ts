/**
 * Several sync server instances sharing a real PostgreSQL and a real Redis (started with
 * postgres-server.ts and redis-server.ts), for tests and the scale-out bench: instances as child processes (`cli.ts serve --store …
 * --redis … --instance NAME`, so `kill -9` is real) that can be restarted on their port,
 * and a database per test file.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { freePort } from './engine-process.ts';
import { forEachLine, REPO_ROOT, waitUntil } from './sync-server.ts';

/** An instance running as a child process. */
export interface ChildInstance {
  readonly name: string;
  readonly port: number;
  readonly url: string;
  /** Every stdout line parsed as JSON, across restarts. */
  readonly lines: Array<Record<string, unknown>>;
  /** True while the process runs. */
  running(): boolean;
  /** The process id of the current process (for its RSS). */
  pid(): number;
  /** Kills the process (SIGKILL by default) and waits for it to end. */
  kill(signal?: NodeJS.Signals): Promise<void>;
  /** Starts it again on the same port. */
  restart(): Promise<void>;
}

const children = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of children) child.kill('SIGKILL');
});

/** Starts an instance on a free port (or `port`) and resolves once it logs `listening`. */
export async function startInstance(input: { store: string; redis: string; name: string; port?: number; args?: string[] }): Promise<ChildInstance> {
  const port = input.port ?? (await freePort());
  const lines: Array<Record<string, unknown>> = [];
  let child: ChildProcess | null = null;
  let exited: Promise<void> = Promise.resolve();
  const launch = async () => {
    const args = ['electron/server/cli.ts', 'serve', '--host', '127.0.0.1', '--port', String(port), '--store', input.store, '--redis', input.redis, '--instance', input.name, ...(input.args ?? [])];
    const started = spawn(process.execPath, args, { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    child = started;
    children.add(started);
    let stderr = '';
    let ended = false;
    started.stderr?.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-4000);
    });
    const before = lines.length;
    forEachLine(started.stdout, (line) => {
      try {
        lines.push(JSON.parse(line) as Record<string, unknown>);
      } catch {
        // not a log line
      }
    });
    exited = new Promise((resolve) => {
      started.once('exit', () => {
        ended = true;
        children.delete(started);
        resolve();
      });
    });
    await waitUntil(() => ended || lines.slice(before).some((line) => line.event === 'listening'), `instance ${input.name} to listen`, 20_000);
    if (ended) throw new Error(`instance ${input.name} exited before listening: ${stderr}`);
  };
  await launch();
  return {
    name: input.name,
    port,
    url: `ws://127.0.0.1:${port}`,
    lines,
    running: () => child !== null && child.exitCode === null && child.signalCode === null,
    pid: () => (child as ChildProcess | null)?.pid ?? -1,
    async kill(signal: NodeJS.Signals = 'SIGKILL') {
      if (child && child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
    async restart() {
      if (child && child.exitCode === null && child.signalCode === null) {
        child.kill('SIGKILL');
        await exited;
      }
      await launch();
    },
  };
}
