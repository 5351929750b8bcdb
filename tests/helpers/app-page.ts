/**
 * The setup every end-to-end file shares: Debian's Chromium and the built renderer served on
 * 127.0.0.1, started in beforeAll and stopped in afterAll, and pages whose console and page
 * errors fail the test that produced them (checked in afterEach).
 *
 * The hooks are registered by calling `useApp()` / `useAppPage()` at the top of a test file;
 * what they start is only there once beforeAll has run, so the returned object exposes it
 * through getters that throw a clear message when read too early.
 */
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { collectPageErrors, launchChromium, serveRenderer, type LaunchedBrowser } from './browser.ts';

/** A browser and a served renderer for one test file; each `newPage` is another person. */
export interface AppSession {
  /** The launched browser (available from beforeAll on). */
  readonly browser: LaunchedBrowser;
  /** Base URL of the served renderer (available from beforeAll on). */
  readonly url: string;
  /**
   * Opens a page in a fresh browser context (its own storage: a separate person). Its errors
   * are checked after each test, labelled with `name`; the context closes in afterAll.
   */
  newPage(name: string, options?: { viewport?: { width: number; height: number } }): Promise<Page>;
  /** The live list of errors `page` (opened by `newPage`) has logged since the last test ended. */
  errorsOf(page: Page): string[];
}

/** One page of the app with its context and its error list, for single-person files. */
export interface AppPage extends AppSession {
  /** The page opened in beforeAll. */
  readonly page: Page;
  /** The page's browser context. */
  readonly context: BrowserContext;
  /** Console and page errors the page has logged since the last test ended. */
  readonly errors: string[];
}

function ready<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`${what} is only available once beforeAll has run`);
  return value;
}

/**
 * Registers beforeAll (launch Chromium, serve the renderer), afterEach (no page has logged
 * an error) and afterAll (close every context, the server and the browser).
 */
export function useApp(): AppSession {
  let browser: LaunchedBrowser | undefined;
  let server: { url: string; close(): Promise<void> } | undefined;
  const contexts: BrowserContext[] = [];
  const collectors: { name: string; page: Page; seen: string[] }[] = [];

  beforeAll(async () => {
    browser = await launchChromium();
    server = await serveRenderer();
  });
  afterEach(() => {
    const seen = collectors.flatMap(({ name, seen: lines }) => lines.splice(0).map((line) => `${name}: ${line}`));
    expect(seen, seen.join('\n')).toEqual([]);
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await server?.close();
    await browser?.close();
  });

  return {
    get browser() { return ready(browser, 'the browser'); },
    get url() { return ready(server, 'the renderer server').url; },
    async newPage(name, options = {}) {
      const launched = ready(browser, 'the browser');
      const context = options.viewport === undefined
        ? await launched.newContext()
        : await launched.browser.newContext({ viewport: options.viewport, deviceScaleFactor: 1 });
      contexts.push(context);
      const page = await context.newPage();
      collectors.push({ name, page, seen: collectPageErrors(page) });
      return page;
    },
    errorsOf(page) {
      const collector = collectors.find((candidate) => candidate.page === page);
      if (collector === undefined) throw new Error('errorsOf: the page was not opened by this session');
      return collector.seen;
    },
  };
}

/**
 * `useApp()` plus one page opened in beforeAll (hooks a file registers after this call run
 * after the page exists, so they can open an article on it).
 */
export function useAppPage(options: { viewport?: { width: number; height: number } } = {}): AppPage {
  const session = useApp();
  let page: Page | undefined;
  beforeAll(async () => {
    page = await session.newPage('page', options);
  });
  return {
    get browser() { return session.browser; },
    get url() { return session.url; },
    newPage: (name, pageOptions) => session.newPage(name, pageOptions),
    errorsOf: (other) => session.errorsOf(other),
    get page() { return ready(page, 'the page'); },
    get context() { return ready(page, 'the page').context(); },
    get errors() { return session.errorsOf(ready(page, 'the page')); },
  };
}
