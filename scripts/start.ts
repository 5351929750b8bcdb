/**
 * `npm start`: builds the app, then opens the Electron desktop window. Where Electron's
 * binary cannot be obtained (no download possible, as on an offline machine) it says so
 * in one line and serves the very same renderer on http://127.0.0.1:<port> instead, so the
 * app always runs. Flags: --port N (browser build port, default 5178), --browser (skip
 * Electron), --no-build (reuse out/).
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

function flag(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

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
  const port = Number(flag('--port') ?? process.env.PORT ?? DEFAULT_PORT);
  const server = await startStaticServer({ root: join(ROOT, 'out', 'renderer'), port });
  console.log(`Electron's binary is not available (${electron.reason}); serving Marginalia in the browser at ${server.url}`);
  const stop = () => void server.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
