/**
 * Builds the renderer once before the end-to-end tests, so they always test current code.
 * Set MARGINALIA_SKIP_BUILD=1 to reuse an existing out/renderer (npm test builds it first).
 */
import { build } from 'vite';

export default async function setup(): Promise<void> {
  if (process.env.MARGINALIA_SKIP_BUILD === '1') return;
  await build({ configFile: new URL('../../vite.config.ts', import.meta.url).pathname, logLevel: 'warn' });
}
