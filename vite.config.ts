/**
 * Vite build of the renderer, in two flavours that differ in one build-time constant:
 * - the app (default mode): out/renderer, what Electron loads over app:// and what the
 *   browser build serves on 127.0.0.1 — one build, two hosts. `__MARGINALIA_TEST_HOOK__`
 *   is `false`, so the page test hook (renderer/sync/test-hook.ts) is dead code and left
 *   out of the bundle entirely;
 * - the test build (mode {@link TEST_BUILD_MODE}): out/renderer-test, the same app with
 *   the hook compiled in, served by the end-to-end tests and the browser benchmarks.
 * A build-time constant rather than a URL switch means no query string can turn the hook
 * on in the app people use. Paths are relative (`base: './'`) so the same files work under
 * both origins. The bundled articles are copied beside the build as documents/ and fetched
 * at run time, so a missing or malformed file fails for that article alone.
 */
import { cpSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/** The Vite mode of the test build (the page test hook compiled in). */
export const TEST_BUILD_MODE = 'test-build';

/** Where the app's renderer is built (what `npm run build`, `npm start` and `npm run dist` use). */
export const APP_RENDERER_DIR = fileURLToPath(new URL('./out/renderer', import.meta.url));

/** Where the test build goes; build/electron-builder.json leaves it out of the installers. */
export const TEST_RENDERER_DIR = fileURLToPath(new URL('./out/renderer-test', import.meta.url));

const documentsDir = fileURLToPath(new URL('./documents', import.meta.url));

/** Copies documents/ into the build output so the renderer can fetch them. */
function copyDocuments(outDir: string): Plugin {
  return {
    name: 'marginalia-copy-documents',
    apply: 'build',
    closeBundle() {
      cpSync(documentsDir, `${outDir}/documents`, { recursive: true });
    },
  };
}

export default defineConfig(({ mode }) => {
  const testBuild = mode === TEST_BUILD_MODE;
  const outDir = testBuild ? TEST_RENDERER_DIR : APP_RENDERER_DIR;
  return {
    root: fileURLToPath(new URL('./renderer', import.meta.url)),
    base: './',
    plugins: [react(), copyDocuments(outDir)],
    // Declared for TypeScript in renderer/build-flags.d.ts.
    define: { __MARGINALIA_TEST_HOOK__: JSON.stringify(testBuild) },
    build: {
      outDir,
      emptyOutDir: true,
      target: 'es2022',
      sourcemap: false,
      // One chunk of ~700 KB minified, ~215 KB gzipped: the budget that matters (≤ 350 KB gzipped,
      // docs/architecture.md §8) is measured by `npm run bench -- bundle`, so Vite's generic warning is raised.
      chunkSizeWarningLimit: 1024,
    },
  };
});
