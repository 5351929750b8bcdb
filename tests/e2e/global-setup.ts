/**
 * Builds the test build (out/renderer-test: the renderer with the page test hook) once
 * before the end-to-end tests, so they always test current code. It runs scripts/build.ts
 * in a child process, so the bundle is the production one `npm test` builds (Vitest's
 * NODE_ENV would otherwise pick React's development build). Set MARGINALIA_SKIP_BUILD=1 to
 * reuse an existing out/renderer-test (npm test builds it first).
 */
import { buildInChild } from '../../scripts/build.ts';

export default async function setup(): Promise<void> {
  if (process.env.MARGINALIA_SKIP_BUILD === '1') return;
  await buildInChild('test');
}
