/**
 * Teammate visibility (docs/architecture.md §8: A's action → painted at B, loopback, p95 ≤ 60 ms).
 *
 * Two Chromium pages (two contexts = two people) joined to one project on an in-process
 * sync server. Each sample: B arms a MutationObserver on its reader; A stamps the wall
 * clock (`performance.timeOrigin + performance.now()`, comparable across pages of one
 * machine) and creates a highlight through the model; B's observer sees the new mark and
 * stamps the next animation frame — "painted". The baseline is the raw websocket round trip
 * from page A to a Node echo server on the same loopback (A→server→B is two hops too).
 */
import { WebSocketServer } from 'ws';
import type { Page } from 'playwright-core';
import { launchChromium, serveRenderer } from '../tests/helpers/browser.ts';
import { startInProcessServer } from '../tests/helpers/sync-server.ts';
import { highlightInput, joinWithInvite, startTeammate, syncArticle, waitForPhase, type HookWindow } from '../tests/e2e/sync-support.ts';
import type { Metric } from './harness.ts';

const SAMPLES = 40;
/** Distinct long words of the benchmark article (first occurrences): one new highlight per sample. */
function sampleInputs(count: number): Array<ReturnType<typeof highlightInput>> {
  const words = new Set<string>();
  for (const match of syncArticle().text.matchAll(/\b[A-Za-z]{8,}\b/g)) words.add(match[0]);
  const distinct = [...words];
  if (distinct.length < count) throw new Error(`only ${distinct.length} distinct words for ${count} samples`);
  return distinct.slice(0, count).map((word) => highlightInput(word));
}

async function armPaintProbe(page: Page): Promise<void> {
  await page.evaluate(() => {
    const root = document.querySelector('.reader-document');
    if (root === null) throw new Error('reader not rendered');
    // A new highlight shows as a mark whose covering ids (`data-highlight-ids`) were not painted before.
    const known = new Set(Array.from(root.querySelectorAll('mark.hl'), (mark) => mark.getAttribute('data-highlight-ids')));
    (window as unknown as { __painted: Promise<number> }).__painted = new Promise<number>((resolve) => {
      const observer = new MutationObserver(() => {
        const fresh = Array.from(root.querySelectorAll('mark.hl')).some((mark) => !known.has(mark.getAttribute('data-highlight-ids')));
        if (!fresh) return;
        observer.disconnect();
        requestAnimationFrame(() => resolve(performance.timeOrigin + performance.now()));
      });
      observer.observe(root, { subtree: true, childList: true, attributes: true });
    });
  });
}

/** Measures A→B visibility and the websocket round-trip baseline. */
export async function measureVisibility(): Promise<Metric[]> {
  const sync = await startInProcessServer();
  const echo = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => echo.once('listening', () => resolve()));
  echo.on('connection', (socket) => socket.on('message', (data) => socket.send(data)));
  const echoPort = (echo.address() as { port: number }).port;
  const browser = await launchChromium();
  const web = await serveRenderer();
  try {
    const invite = sync.createProject('visibility bench');
    const [contextA, contextB] = [await browser.newContext(), await browser.newContext()];
    const [ana, bo] = [await contextA.newPage(), await contextB.newPage()];
    await startTeammate(ana, web.url, 'Ana');
    await startTeammate(bo, web.url, 'Bo');
    await joinWithInvite(ana, invite.link);
    await joinWithInvite(bo, invite.link);
    await waitForPhase(ana, 'synced');
    await waitForPhase(bo, 'synced');
    await ana.evaluate(() => (window as unknown as HookWindow).__marginaliaTest.model.createTag('Bench', '#30638e'));

    const visibility: number[] = [];
    for (const input of sampleInputs(SAMPLES)) {
      await armPaintProbe(bo);
      const sentAt = await ana.evaluate((highlight) => {
        const at = performance.timeOrigin + performance.now();
        (window as unknown as HookWindow).__marginaliaTest.model.addHighlight(highlight);
        return at;
      }, input);
      const paintedAt = await bo.evaluate(() => (window as unknown as { __painted: Promise<number> }).__painted);
      visibility.push(paintedAt - sentAt);
    }

    const roundTrips = await ana.evaluate(async ([port, count]) => {
      const socket = new WebSocket(`ws://127.0.0.1:${port}`);
      await new Promise((resolve, reject) => {
        socket.onopen = resolve;
        socket.onerror = reject;
      });
      const payload = 'x'.repeat(120);
      const out: number[] = [];
      for (let index = 0; index < count; index++) {
        const start = performance.now();
        await new Promise<void>((resolve) => {
          socket.onmessage = () => resolve();
          socket.send(payload);
        });
        out.push(performance.now() - start);
      }
      socket.close();
      return out;
    }, [echoPort, 200] as const);
    await contextA.close();
    await contextB.close();
    return [
      { name: 'websocket round trip (loopback, page ↔ echo)', unit: 'ms', samples: roundTrips },
      {
        name: 'teammate sees my highlight (A action → painted at B)',
        unit: 'ms',
        samples: visibility,
        budget: { statistic: 'p95', max: 60, text: 'p95 ≤ 60 ms' },
        note: `ratio = median visibility / median raw websocket round trip (${SAMPLES} samples)`,
        baseline: 'websocket round trip (loopback, page ↔ echo)',
      },
    ];
  } finally {
    await web.close();
    await browser.close();
    await new Promise((resolve) => echo.close(resolve));
    await sync.dispose();
  }
}
