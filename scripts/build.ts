/**
 * Builds everything the app runs from, into out/:
 * - out/renderer: the React renderer (Vite), plus documents/ copied beside it;
 * - out/main/main.cjs and out/preload/preload.cjs: the Electron main process and the one
 *   bundled CommonJS preload (esbuild; `electron` stays external).
 * electron-builder then packages out/ (see build/electron-builder.json).
 */
import { build as esbuild, type BuildOptions } from 'esbuild';
import { build as viteBuild } from 'vite';
import { join } from 'node:path';
import { ROOT, requireNode22 } from './run.ts';

/** Builds the renderer and the Electron bundles. */
export async function buildAll(): Promise<void> {
  await viteBuild({ configFile: join(ROOT, 'vite.config.ts'), logLevel: 'warn' });
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

if (import.meta.url === `file://${process.argv[1]}`) {
  requireNode22();
  try {
    await buildAll();
    console.log('build: out/renderer, out/main/main.cjs, out/preload/preload.cjs');
  } catch (error) {
    console.error(`build failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
