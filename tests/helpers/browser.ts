/**
 * End-to-end helpers: Debian's Chromium driven by playwright-core, and the test build of
 * the renderer served on 127.0.0.1 — the files Electron loads over app://, plus the page
 * test hook (vite.config.ts).
 *
 * A missing browser or build is a failure with a one-line instruction, never a skip.
 */
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startStaticServer, type StaticServer } from '../../electron/web/static-server.ts';

/** Where the system Chromium lives (override with MARGINALIA_CHROMIUM). */
export const CHROMIUM_PATH = process.env.MARGINALIA_CHROMIUM ?? '/usr/bin/chromium';

/** The test build of the renderer (`node scripts/build.ts --test` or tests/e2e/global-setup.ts writes it). */
export const RENDERER_DIR = fileURLToPath(new URL('../../out/renderer-test', import.meta.url));

/** Folder the end-to-end tests write their screenshots to. */
export const SCREENSHOT_DIR = fileURLToPath(new URL('../e2e/screenshots', import.meta.url));

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
  '--font-render-hinting=none',
];

/** A launched browser. */
export interface LaunchedBrowser {
  browser: Browser;
  /** A fresh isolated context: its own IndexedDB and localStorage (one teammate). */
  newContext(): Promise<BrowserContext>;
  close(): Promise<void>;
}

/**
 * Launches Debian's Chromium (fresh profile), with `extraArgs` after the usual flags (e.g.
 * `--js-flags=--expose-gc` for a benchmark that reads the heap after GC). Each `newContext()`
 * is a separate person with separate storage. Throws a one-line instruction when Chromium is missing.
 */
export async function launchChromium(extraArgs: readonly string[] = []): Promise<LaunchedBrowser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}: install it with 'sudo apt-get install chromium' (never 'playwright install').`);
  }
  // playwright-core gives every launch a fresh temporary profile (user data dir) of its own.
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: [...CHROMIUM_ARGS, ...extraArgs] });
  return {
    browser,
    newContext: () => browser.newContext({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1 }),
    close: () => browser.close(),
  };
}

/**
 * Serves the test build of the renderer (or another root, e.g. a deliberately damaged copy)
 * on 127.0.0.1 with a random port. Throws a one-line instruction when the build is missing.
 */
export async function serveRenderer(options: { root?: string } = {}): Promise<StaticServer> {
  const root = options.root ?? RENDERER_DIR;
  if (!existsSync(join(root, 'index.html'))) {
    throw new Error(`No renderer build in ${root}: run 'node scripts/build.ts --test' first (npm test and the end-to-end tests' setup do it for you).`);
  }
  return startStaticServer({ root });
}

/** Saves a full-page PNG to tests/e2e/screenshots/<name>.png and returns its path. */
export async function saveScreenshot(page: Page, name: string, fullPage = false): Promise<string> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage });
  return path;
}

/** Collects console errors and uncaught page errors so tests can assert there are none. */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  return errors;
}
