/**
 * Shared plumbing for the database engines the scale-out tests start (PostgreSQL,
 * Redis): a free loopback port, a missing binary named with the one command that
 * installs it, a child process that is killed when this test process exits however the
 * test ended, and bounded waits.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';

/** The one line that tells what to install when an engine binary is missing. */
export const INSTALL_ENGINES = 'apt-get install redis-server postgresql';

/** Throws a one-line instruction when `path` is not an executable file. */
export function requireBinary(path: string): string {
  if (!existsSync(path)) throw new Error(`${path} is missing: run \`${INSTALL_ENGINES}\``);
  return path;
}

/** A TCP port on 127.0.0.1 free at the time of asking. */
export async function freePort(): Promise<number> {
  return await new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen({ host: '127.0.0.1', port: 0 }, () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

const running = new Set<ChildProcess>();
let exitHookInstalled = false;

/** Spawns an engine process; it is SIGKILLed when this process exits, even after a failed test. */
export function spawnEngine(command: string, args: readonly string[]): { child: ChildProcess; output: () => string; exited: Promise<void> } {
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.once('exit', () => {
      for (const child of running) child.kill('SIGKILL');
    });
  }
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-8000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => {
      running.delete(child);
      resolve();
    });
  });
  return { child, output: () => output, exited };
}

/** Polls `ready` every 50 ms; throws with `what` and the engine's output after `timeoutMs`. */
export async function waitForEngine(ready: () => Promise<boolean>, what: string, output: () => string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await ready())) {
    if (Date.now() > deadline) throw new Error(`${what} did not start within ${timeoutMs} ms:\n${output()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Stops a child with `signal`, escalating to SIGKILL after `graceMs`; resolves once it has exited. */
export async function stopEngine(child: ChildProcess, exited: Promise<void>, signal: NodeJS.Signals, graceMs = 5000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill(signal);
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}
