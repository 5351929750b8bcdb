/**
 * Tiny helpers for the project scripts: run a command with the pinned Node first on PATH,
 * and report a failure in one line.
 */
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** node_modules/.bin, holding the pinned Node 22 and the tools. */
export const BIN = join(ROOT, 'node_modules', '.bin');

/** Environment with node_modules/.bin (and so the pinned Node) first on PATH. */
export function toolEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { ...process.env, PATH: `${BIN}:${dirname(process.execPath)}:${process.env.PATH ?? ''}`, ...extra };
}

/** Runs a command inheriting stdio; resolves with its exit code. */
export function run(command: string, args: string[], extraEnv: Record<string, string> = {}): Promise<number> {
  return new Promise((done) => {
    const child = spawn(command, args, { cwd: ROOT, stdio: 'inherit', env: toolEnv(extraEnv) });
    child.on('error', (error) => {
      console.error(`${command}: ${error.message}`);
      done(127);
    });
    child.on('exit', (code, signal) => done(code ?? (signal ? 128 : 1)));
  });
}

/** Fails the script unless Node is new enough for type stripping and node:sqlite. */
export function requireNode22(): void {
  const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
  if (major < 22 || (major === 22 && minor < 18)) {
    console.error(`Marginalia needs Node 22.18+ (this is ${process.version}); run it through npm ('npm start', 'npm test'), which uses the Node pinned in node_modules.`);
    process.exit(1);
  }
}
