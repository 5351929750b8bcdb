/**
 * Document conversion in the browser: the conversion layer bundled by Vite as the renderer
 * bundles it (pdf.js and mammoth in chunks of their own, loaded on demand), run in
 * Chromium. Each format converts there, and to the very same article file and id as in
 * Node, so a document added in the app and one added on the command line or checked by
 * the sync server agree. A refusal crosses the bundle with its reason.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { convertDocument } from '#shared/documents/import/convert.ts';
import { launchChromium, serveRenderer, type LaunchedBrowser } from '../helpers/browser.ts';
import { makeDocx, makePdf, makeTextlessPdf, sampleSentences, utf8 } from '../helpers/document-fixtures.ts';
import type { PageConversion } from './document-conversion-page/main.ts';

const pageRoot = fileURLToPath(new URL('./document-conversion-page/', import.meta.url));

describe('document conversion in the browser bundle', () => {
  let outDir: string;
  let browser: LaunchedBrowser;
  let server: Awaited<ReturnType<typeof serveRenderer>>;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    outDir = mkdtempSync(join(tmpdir(), 'marginalia-conversion-'));
    await build({ root: pageRoot, base: './', logLevel: 'warn', configFile: false, build: { outDir, emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 2048 } });
    server = await serveRenderer({ root: outDir });
    browser = await launchChromium();
    page = await (await browser.newContext()).newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(`${server.url}index.html`);
    await page.waitForFunction(() => window.conversionPageReady === true);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (outDir) rmSync(outDir, { recursive: true, force: true });
  });

  const convertInPage = (bytes: Uint8Array, fileName: string): Promise<PageConversion> =>
    page.evaluate(([base64, name]) => window.convertInPage(base64, name), [Buffer.from(bytes).toString('base64'), fileName] as const);

  it('converts PDF, DOCX, HTML, Markdown and text to the same article file and id as Node does', async () => {
    const files: Array<[string, Uint8Array]> = [
      ['paper.pdf', await makePdf([sampleSentences.map((sentence) => [sentence])], { title: 'A PDF', author: 'An Author' })],
      ['report.docx', await makeDocx(sampleSentences.map((text) => ({ text })), { title: 'A DOCX', creator: 'An Author' })],
      ['page.html', utf8(`<title>A page</title><article><h1>Heading</h1><p>${sampleSentences.join('</p><p>')}</p></article>`)],
      ['notes.md', utf8(`# Heading\n\n> ${sampleSentences.join('\n\n- ')}`)],
      ['notes.txt', utf8(sampleSentences.join('\r\n'))],
    ];
    for (const [fileName, bytes] of files) {
      const inNode = await convertDocument(bytes.slice(), fileName);
      const inBrowser = await convertInPage(bytes, fileName);
      expect(inBrowser, fileName).toEqual({ id: inNode.id, text: inNode.article.text, source: inNode.source });
      for (const sentence of sampleSentences) expect(inNode.article.text).toContain(sentence);
    }
    expect(pageErrors).toEqual([]);
  });

  it('refuses a textless PDF in the browser with its reason', async () => {
    expect(await convertInPage(await makeTextlessPdf(), 'scan.pdf')).toEqual({ reason: 'no-text', message: 'scan.pdf: this PDF has no text layer (a scan?)' });
  });
});
