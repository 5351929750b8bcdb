/**
 * `npm start` says what is wrong in one line: a bad --port, an unknown flag and a port
 * already in use end the run with a clear message and a non-zero exit, never a stack trace;
 * --help prints the usage. Runs the real script with the project's Node.
 */
import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');

function runStart(args: readonly string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'scripts', 'start.ts'), ...args], { cwd: ROOT, env: { ...process.env, PORT: '' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

function occupiedPort(): Promise<{ port: number; server: Server }> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      resolve({ port: typeof address === 'object' && address !== null ? address.port : 0, server });
    });
  });
}

describe('npm start', () => {
  it('refuses a port that is not a number in one line (exit 2)', async () => {
    const result = await runStart(['--browser', '--no-build', '--port', 'abc']);
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toBe('npm start: --port must be a whole number from 1 to 65535, not "abc"');
  });

  it('refuses an unknown flag in one line (exit 2)', async () => {
    const result = await runStart(['--prot', '5000']);
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toBe('npm start: unknown flag --prot (see npm start -- --help)');
  });

  it('says a busy port is in use, without a stack trace (exit 1)', async () => {
    const { port, server } = await occupiedPort();
    try {
      const result = await runStart(['--browser', '--no-build', '--port', String(port)]);
      expect(result.code).toBe(1);
      expect(result.stderr.trim()).toBe(`npm start: port ${port} is already in use; choose another with --port N`);
    } finally {
      server.close();
    }
  });

  it('prints its usage for --help (exit 0)', async () => {
    const result = await runStart(['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Usage: npm start -- \[--port N\]/);
  });
});
