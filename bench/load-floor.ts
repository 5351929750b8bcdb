/**
 * The floor under the reader suite's local load: the same project's stored updates read
 * from IndexedDB and applied by Yjs in a page of the app's origin that runs nothing else
 * (bench/load-floor-page.ts, bundled by page-script.ts), each sample in a new page as the app's
 * load is after a start. What the app's load costs above this floor is the app's own
 * (pacing, observers, its page starting beside it); the floor itself is IndexedDB, Yjs and
 * the engine on this machine. The same page then loads the project a second time, with the
 * engine's code warm, which says how much of the floor is code not yet optimised.
 */
import type { BrowserContext } from 'playwright-core';
import type { FloorPage, FloorTimes } from './load-floor-page.ts';
import { pageScript } from './page-script.ts';

/** The floor's samples: a new page's first load, and the same page's second. */
export interface LoadFloor {
  readonly cold: FloorTimes[];
  readonly warm: FloorTimes[];
}

/**
 * Loads the context's one project bare in `count` new pages at `origin` (a path the app's
 * server does not serve, so the page is of the app's origin and runs none of its code).
 */
export async function loadFloor(context: BrowserContext, origin: string, count: number): Promise<LoadFloor> {
  const script = await pageScript(new URL('load-floor-page.ts', import.meta.url));
  const cold: FloorTimes[] = [];
  const warm: FloorTimes[] = [];
  for (let run = 0; run < count; run += 1) {
    const page = await context.newPage();
    await page.goto(`${origin}/load-floor`);
    // Evaluated through the DevTools protocol: the server's Content-Security-Policy refuses inline scripts.
    await page.evaluate(script);
    const names = await page.evaluate(() => (window as unknown as { floorPage: FloorPage }).floorPage.projects());
    if (names.length !== 1) throw new Error(`the load floor expects one project database, found ${names.length}`);
    const load = (name: string): Promise<FloorTimes> => (window as unknown as { floorPage: FloorPage }).floorPage.load(name);
    cold.push(await page.evaluate(load, names[0]!));
    warm.push(await page.evaluate(load, names[0]!));
    await page.close();
  }
  return { cold, warm };
}
