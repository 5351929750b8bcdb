/**
 * The page test hook (`window.__marginaliaTest`, renderer/sync/test-hook.ts) exists only in
 * the test build: the app's renderer (out/renderer, what `npm run build`, `npm start` and
 * `npm run dist` ship) contains no trace of it, the test build (out/renderer-test, what the
 * end-to-end tests and benchmarks serve) does, and the installers leave the test build out.
 *
 * Both builds are made here first (in a child process, as `npm test` makes them) so the
 * test reads current code; `npm test` has built them already and sets MARGINALIA_SKIP_BUILD=1.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildInChild, RENDERER_DIRS, type BuildTarget } from '../../scripts/build.ts';

const HOOK_GLOBAL = '__marginaliaTest';
const BUILD_FLAG = '__MARGINALIA_TEST_HOOK__';
const repo = fileURLToPath(new URL('../../', import.meta.url));

/** Every JavaScript file of a renderer build, concatenated. */
function bundleText(target: BuildTarget): string {
  const assets = join(RENDERER_DIRS[target], 'assets');
  if (!existsSync(assets)) throw new Error(`no renderer build in ${RENDERER_DIRS[target]}: run 'node scripts/build.ts${target === 'test' ? ' --test' : ''}'`);
  const scripts = readdirSync(assets).filter((name) => name.endsWith('.js'));
  if (scripts.length === 0) throw new Error(`no JavaScript in ${assets}`);
  return scripts.map((name) => readFileSync(join(assets, name), 'utf8')).join('\n');
}

beforeAll(async () => {
  if (process.env.MARGINALIA_SKIP_BUILD === '1') return;
  await buildInChild('app');
  await buildInChild('test');
}, 300_000);

describe('the page test hook is compiled into the test build only', () => {
  it('is absent from the app’s renderer', () => {
    const app = bundleText('app');
    expect(app).not.toContain(HOOK_GLOBAL);
    // The constant was replaced by a literal, and the hook's own code went with the dead branch.
    expect(app).not.toContain(BUILD_FLAG);
    expect(app).not.toContain('docUpdates');
  });

  it('is present in the test build', () => {
    const test = bundleText('test');
    expect(test).toContain(HOOK_GLOBAL);
    expect(test).toContain('docUpdates');
    expect(test).not.toContain(BUILD_FLAG);
  });

  it('is left out of the installers', () => {
    const config = JSON.parse(readFileSync(join(repo, 'build/electron-builder.json'), 'utf8')) as { files: string[] };
    expect(config.files).toContain('out/**/*');
    expect(config.files).toContain('!out/renderer-test${/*}');
  });
});
