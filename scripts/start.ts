/**
 * `npm start`: builds the app, then opens the Electron desktop window. Where Electron's
 * binary cannot be obtained (no download possible, as on an offline machine) it says so
 * in one line and serves the very same renderer on http://127.0.0.1:<port> instead, so the
 * app always runs. Flags: --port N (browser build port, default 5178), --browser (skip
 * Electron), --no-build (reuse out/), --help. A bad flag or a port already in use is said
 * in one line (exit 2 and 1), never with a stack trace.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startStaticServer } from '../electron/web/static-server.ts';
import { buildAll } from './build.ts';
import { ROOT, requireNode22 } from './run.ts';

const DEFAULT_PORT = 5178;

/** Returns the Electron executable, downloading it if possible, or a reason it cannot run. */
function findElectron(): { path: string } | { reason: string } {
  const pkg = join(ROOT, 'node_modules', 'electron');
  const pathFile = join(pkg, 'path.txt');
  const resolveExisting = (): string | null => {
    if (!existsSync(pathFile)) return null;
    const binary = join(pkg, 'dist', readFileSync(pathFile, 'utf8').trim());
    return existsSync(binary) ? binary : null;
  };
  const existing = resolveExisting();
  if (existing) return { path: existing };
  if (!existsSync(join(pkg, 'install.js'))) return { reason: 'the electron package is not installed' };
  const download = spawnSync(process.execPath, [join(pkg, 'install.js')], { cwd: pkg, encoding: 'utf8', timeout: 120_000 });
  const downloaded = resolveExisting();
  if (downloaded) return { path: downloaded };
  const why = `${download.stderr ?? ''}${download.error?.message ?? ''}`.split('\n').find((line) => /error|fail|ENOTFOUND|EAI_AGAIN|ECONN/i.test(line));
  return { reason: why ? why.trim().slice(0, 160) : 'its download did not succeed' };
}

const USAGE = `Usage: npm start -- [--port N] [--browser] [--no-build]
  --port N     port of the browser build on 127.0.0.1 (default ${DEFAULT_PORT})
  --browser    serve the browser build even where Electron could run
  --no-build   reuse the last build in out/`;

/** Says `message` in one line and exits with `code`. */
function fail(message: string, code: number): never {
  console.error(`npm start: ${message}`);
  process.exit(code);
}

/** The browser build's port from --port, $PORT or the default; a bad value ends the run. */
function readPort(argv: readonly string[]): number {
  const index = argv.indexOf('--port');
  const raw = index >= 0 ? argv[index + 1] : process.env.PORT;
  if (raw === undefined) return index >= 0 ? fail('--port needs a number (1-65535)', 2) : DEFAULT_PORT;
  const port = Number(raw);
  if (!/^\d+$/.test(raw) || port < 1 || port > 65_535) fail(`--port must be a whole number from 1 to 65535, not "${raw}"`, 2);
  return port;
}

if (process.argv.includes('--help') || process.argv.includes('-h')) {
  console.log(USAGE);
  process.exit(0);
}
const known = new Set(['--port', '--browser', '--no-build']);
const unknown = process.argv.slice(2).find((arg, index, args) => arg.startsWith('-') && !known.has(arg) && args[index - 1] !== '--port');
if (unknown !== undefined) fail(`unknown flag ${unknown} (see npm start -- --help)`, 2);
const port = readPort(process.argv);

requireNode22();
if (!process.argv.includes('--no-build')) {
  console.log('Building Marginalia…');
  await buildAll();
}

const electron = process.argv.includes('--browser') ? { reason: '--browser was given' } : findElectron();
if ('path' in electron) {
  const child = spawn(electron.path, [ROOT], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  const server = await startStaticServer({ root: join(ROOT, 'out', 'renderer'), port }).catch((error: unknown) => {
    const code = (error as { code?: unknown }).code;
    return fail(code === 'EADDRINUSE' ? `port ${port} is already in use; choose another with --port N` : `the browser build could not be served (${error instanceof Error ? error.message : String(error)})`, 1);
  });
  console.log(`Electron's binary is not available (${electron.reason}); serving Marginalia in the browser at ${server.url}`);
  const stop = () => void server.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
