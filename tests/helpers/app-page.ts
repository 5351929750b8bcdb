/**
 * The setup every end-to-end file shares: Debian's Chromium and the test build of the
 * renderer served on 127.0.0.1, started in beforeAll and stopped in afterAll, and pages
 * whose console and page errors fail the test that produced them (checked in afterEach).
 *
 * Tests never depend on each other's order: a page opened during a test (in the test or
 * in a beforeEach) lives in a fresh browser context — its own IndexedDB and localStorage —
 * that closes when the test ends, so each test starts from an empty profile and sets up
 * what it needs. `useAppPage()` opens that page in a beforeEach, so a file's own
 * `beforeEach` hooks (registered after the call) run with it already there. A page opened
 * in beforeAll (to prepare data every test reads, such as a project file) stays until
 * afterAll; no test may act on it.
 *
 * The hooks are registered by calling `useApp()` / `useAppPage()` at the top of a test file;
 * what they start is only there once the hooks have run, so the returned object exposes it
 * through getters that throw a clear message when read too early.
 */
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { collectPageErrors, launchChromium, serveRenderer, type LaunchedBrowser } from './browser.ts';

/** Options of {@link useApp}. */
export interface AppOptions {
  /** Console or page errors that are expected in this file (e.g. connection errors while a server is down). */
  readonly expectedErrors?: RegExp;
}

/** A browser and a served renderer for one test file; each `newPage` is another person. */
export interface AppSession {
  /** The launched browser (available from beforeAll on). */
  readonly browser: LaunchedBrowser;
  /** Base URL of the served renderer (available from beforeAll on). */
  readonly url: string;
  /**
   * Opens a page in a fresh browser context (its own storage: a separate person). Its errors
   * are checked after each test, labelled with `name`; the context closes when the test
   * ends (or, opened in beforeAll, after the file's last test).
   */
  newPage(name: string, options?: { viewport?: { width: number; height: number } }): Promise<Page>;
  /** The live list of errors `page` (opened by `newPage`) has logged since the last test ended. */
  errorsOf(page: Page): string[];
}

/** One page of the app with its context and its error list, fresh for each test. */
export interface AppPage extends AppSession {
  /** This test's page (opened in beforeEach, in a context of its own). */
  readonly page: Page;
  /** The page's browser context. */
  readonly context: BrowserContext;
  /** Console and page errors the page has logged during this test. */
  readonly errors: string[];
}

function ready<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`${what} is only available once beforeAll has run`);
  return value;
}

/**
 * Registers beforeAll (launch Chromium, serve the renderer), afterEach (no page has logged
 * an unexpected error; the test's contexts close) and afterAll (the server and the browser).
 */
export function useApp(options: AppOptions = {}): AppSession {
  let browser: LaunchedBrowser | undefined;
  let server: { url: string; close(): Promise<void> } | undefined;
  /** Contexts opened in beforeAll (closed in afterAll) and during the current test (closed after it). */
  const contexts: Record<'file' | 'test', BrowserContext[]> = { file: [], test: [] };
  let collectors: { name: string; page: Page; seen: string[] }[] = [];
  let inTest = false;
  const expected = (line: string): boolean => options.expectedErrors?.test(line) ?? false;

  beforeAll(async () => {
    browser = await launchChromium();
    server = await serveRenderer();
  });
  beforeEach(() => {
    inTest = true;
  });
  afterEach(async () => {
    inTest = false;
    const seen = collectors.flatMap(({ name, seen: lines }) => lines.splice(0).filter((line) => !expected(line)).map((line) => `${name}: ${line}`));
    const closing = contexts.test.splice(0);
    collectors = collectors.filter((collector) => !closing.includes(collector.page.context()));
    for (const context of closing) await context.close();
    expect(seen, seen.join('\n')).toEqual([]);
  });
  afterAll(async () => {
    for (const context of contexts.file) await context.close();
    await server?.close();
    await browser?.close();
  });

  return {
    get browser() { return ready(browser, 'the browser'); },
    get url() { return ready(server, 'the renderer server').url; },
    async newPage(name, pageOptions = {}) {
      const launched = ready(browser, 'the browser');
      const context = pageOptions.viewport === undefined
        ? await launched.newContext()
        : await launched.browser.newContext({ viewport: pageOptions.viewport, deviceScaleFactor: 1 });
      contexts[inTest ? 'test' : 'file'].push(context);
      const page = await context.newPage();
      collectors.push({ name, page, seen: collectPageErrors(page) });
      return page;
    },
    errorsOf(page) {
      const collector = collectors.find((candidate) => candidate.page === page);
      if (collector === undefined) throw new Error('errorsOf: the page was not opened by this session in this test');
      return collector.seen;
    },
  };
}

/**
 * `useApp()` plus one page, opened fresh for each test in a beforeEach (a file's own
 * beforeEach hooks, registered after this call, run after the page exists, so they can
 * open an article on it).
 */
export function useAppPage(options: { viewport?: { width: number; height: number } } & AppOptions = {}): AppPage {
  const session = useApp(options);
  let page: Page | undefined;
  beforeEach(async () => {
    page = await session.newPage('page', options.viewport === undefined ? {} : { viewport: options.viewport });
  });
  afterEach(() => {
    page = undefined;
  });
  const current = (): Page => {
    if (page === undefined) throw new Error('the page is fresh for each test: use it in a test or a beforeEach, not in beforeAll');
    return page;
  };
  return {
    get browser() { return session.browser; },
    get url() { return session.url; },
    newPage: (name, pageOptions) => session.newPage(name, pageOptions),
    errorsOf: (other) => session.errorsOf(other),
    get page() { return current(); },
    get context() { return current().context(); },
    get errors() { return session.errorsOf(current()); },
  };
}
