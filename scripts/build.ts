/**
 * Builds what the app runs from, into out/:
 * - out/renderer: the React renderer (Vite), plus documents/ copied beside it;
 * - out/main/main.cjs and out/preload/preload.cjs: the Electron main process and the one
 *   bundled CommonJS preload (esbuild; `electron` stays external).
 * electron-builder then packages out/ (see build/electron-builder.json).
 *
 * `--test` builds only the test build instead: out/renderer-test, the same renderer with the
 * page test hook compiled in (vite.config.ts), which the end-to-end tests and the browser
 * benchmarks serve. The app's build never contains the hook.
 *
 * Builds run with NODE_ENV=production whoever starts them: under Vitest NODE_ENV is "test",
 * which would otherwise bundle React's development build. {@link buildInChild} gives test
 * code a build identical to `npm test`'s.
 */
import { build as esbuild, type BuildOptions } from 'esbuild';
import { build as viteBuild } from 'vite';
import { join } from 'node:path';
import { APP_RENDERER_DIR, TEST_BUILD_MODE, TEST_RENDERER_DIR } from '../vite.config.ts';
import { ROOT, requireNode22, run } from './run.ts';

/** Which build: the app (renderer, main process, preload) or the test build of the renderer. */
export type BuildTarget = 'app' | 'test';

/** Where each target's renderer lands. */
export const RENDERER_DIRS: Readonly<Record<BuildTarget, string>> = { app: APP_RENDERER_DIR, test: TEST_RENDERER_DIR };

/** Builds the renderer: the app's (no test hook) or the test build (with it). */
export async function buildRenderer(target: BuildTarget): Promise<void> {
  await viteBuild({
    configFile: join(ROOT, 'vite.config.ts'),
    logLevel: 'warn',
    ...(target === 'test' ? { mode: TEST_BUILD_MODE } : {}),
  });
}

/** Builds the app's renderer and the Electron bundles. */
export async function buildAll(): Promise<void> {
  await buildRenderer('app');
  const common: BuildOptions = {
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node22',
    external: ['electron'],
    logLevel: 'warning',
    absWorkingDir: ROOT,
  };
  await esbuild({ ...common, entryPoints: ['electron/main/main.ts'], outfile: 'out/main/main.cjs' });
  await esbuild({ ...common, entryPoints: ['electron/preload/preload.ts'], outfile: 'out/preload/preload.cjs' });
}

/**
 * Runs this script in a child process with NODE_ENV=production (for callers inside Vitest:
 * the e2e global setup and the build tests); throws when the build fails.
 */
export async function buildInChild(target: BuildTarget): Promise<void> {
  const code = await run(process.execPath, [join(ROOT, 'scripts', 'build.ts'), ...(target === 'test' ? ['--test'] : [])], { NODE_ENV: 'production' });
  if (code !== 0) throw new Error(`scripts/build.ts${target === 'test' ? ' --test' : ''} failed (exit ${code})`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  requireNode22();
  process.env.NODE_ENV = 'production';
  const target: BuildTarget = process.argv.includes('--test') ? 'test' : 'app';
  try {
    if (target === 'test') await buildRenderer('test');
    else await buildAll();
    console.log(target === 'test' ? 'build: out/renderer-test (the test build: page test hook included)' : 'build: out/renderer, out/main/main.cjs, out/preload/preload.cjs');
  } catch (error) {
    console.error(`build failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
