/**
 * The page side of the `interaction` suite: an init script that, before any of the app's
 * code runs, observes Long Animation Frames (`long-animation-frame`; `longtask` where the
 * API is missing), Event Timing (`event`, durationThreshold 16, with interactionId), the
 * first pointer or key input of each window (a capturing listener) and when the file progress card's bar
 * or the opening banner's is on screen (looked for every 20 ms). Entries are kept on one absolute clock (timeOrigin + startTime), so windows
 * that span a reload (opening a project file, switching projects) still line up: on
 * `pagehide` the entries go to sessionStorage and the next page takes them back.
 *
 * Node helpers read them per window, wait for a "done" condition polled every animation
 * frame (armed before the input, so its time is that of the frame that shows the result),
 * and wait until the page is quiet. They only read the page; input is Playwright's.
 */
import type { BrowserContext, Page } from 'playwright-core';
import type { EventTimingEntry, FrameAttribution, FrameEntry } from './interaction-metrics.ts';

/** What the page has recorded. */
export interface ProbeRecords {
  events: EventTimingEntry[];
  frames: FrameEntry[];
  /** Times the file progress card's bar (`[data-testid="file-progress"] [role="progressbar"]`) or the opening banner's (`progress[aria-label="Opening your project"]`) appeared on screen. */
  progress: number[];
  /** Times (event timeStamp) of pointerdown and keydown events. */
  inputs: number[];
  /** Times (event timeStamp) a file input received its chosen file (its change event). */
  files: number[];
}

/** When a measured action is done: every given condition holds. */
export interface DoneCondition {
  /** An element matching this selector is in the page. */
  present?: string;
  /** No element matches this selector. */
  absent?: string;
  /** The element matching `selector` has this `value`. */
  field?: { selector: string; value: string };
  /** The project's doc has applied more updates than this (read from the page test hook). */
  docUpdatesAbove?: number;
}

/** Runs in the page before the app (context.addInitScript). */
function installProbe(): void {
  const w = window as unknown as { __benchProbe?: unknown };
  if (w.__benchProbe !== undefined) return;
  const KEY = 'marginalia.bench.probe';
  const origin = performance.timeOrigin;
  const carried = sessionStorage.getItem(KEY);
  sessionStorage.removeItem(KEY);
  const records: ProbeRecords = carried ? JSON.parse(carried) as ProbeRecords : { events: [], frames: [], progress: [], inputs: [], files: [] };
  /** A long animation frame's scripts and rendering (nothing for a `longtask` entry). */
  const attribute = (entry: PerformanceEntry): { attribution?: FrameAttribution } => {
    const frame = entry as PerformanceEntry & { renderStart?: number; styleAndLayoutStart?: number; scripts?: { invoker: string; invokerType: string; sourceFunctionName: string; duration: number; forcedStyleAndLayoutDuration: number }[] };
    if (frame.scripts === undefined) return {};
    const end = frame.startTime + frame.duration;
    return {
      attribution: {
        scripts: frame.scripts.map((script) => ({
          what: [script.invoker || script.invokerType, script.sourceFunctionName].filter((part) => part).join(' '),
          ms: script.duration,
          forcedLayoutMs: script.forcedStyleAndLayoutDuration,
        })),
        renderMs: (frame.renderStart ?? 0) > 0 ? end - (frame.renderStart as number) : 0,
        styleLayoutMs: (frame.styleAndLayoutStart ?? 0) > 0 ? end - (frame.styleAndLayoutStart as number) : 0,
      },
    };
  };
  const take = (list: PerformanceEntryList): void => {
    for (const entry of list) {
      if (entry.entryType === 'event') {
        records.events.push({ name: entry.name, startTime: origin + entry.startTime, duration: entry.duration, interactionId: (entry as unknown as { interactionId: number }).interactionId });
      } else {
        records.frames.push({ startTime: origin + entry.startTime, duration: entry.duration, ...(entry.duration > 50 ? attribute(entry) : {}) });
      }
    }
  };
  const supported = PerformanceObserver.supportedEntryTypes;
  const frameType = supported.includes('long-animation-frame') ? 'long-animation-frame' : 'longtask';
  const frames = new PerformanceObserver((list) => take(list.getEntries()));
  frames.observe({ type: frameType, buffered: true });
  const events = new PerformanceObserver((list) => take(list.getEntries()));
  events.observe({ type: 'event', buffered: true, durationThreshold: 16 } as PerformanceObserverInit);
  const flush = (): void => {
    take(frames.takeRecords());
    take(events.takeRecords());
  };
  for (const type of ['pointerdown', 'keydown']) {
    addEventListener(type, (event) => void records.inputs.push(origin + event.timeStamp), { capture: true });
  }
  addEventListener('change', (event) => {
    if (event.target instanceof HTMLInputElement && event.target.type === 'file') records.files.push(origin + event.timeStamp);
  }, { capture: true });
  let progressShown = false;
  // Looked for every 20 ms: a MutationObserver on the whole document would be handed a
  // record per node whenever an article's thousands of nodes are built, and its callback
  // would lengthen the very frames this probe measures.
  setInterval(() => {
    // The file progress card's bar or the opening banner's, only: the library cards'
    // reading-progress bars (<progress>) are on screen all the time and would hide them.
    const shown = document.querySelector('[data-testid="file-progress"] [role="progressbar"], progress[aria-label="Opening your project"]') !== null;
    if (shown && !progressShown) records.progress.push(origin + performance.now());
    progressShown = shown;
  }, 20);
  addEventListener('pagehide', () => {
    flush();
    const since = origin + performance.now() - 120_000;
    const recent = <T extends { startTime: number }>(list: T[]): T[] => list.filter((entry) => entry.startTime >= since);
    sessionStorage.setItem(KEY, JSON.stringify({
      events: recent(records.events),
      frames: recent(records.frames),
      progress: records.progress.filter((time) => time >= since),
      inputs: records.inputs.filter((time) => time >= since),
      files: records.files.filter((time) => time >= since),
    }));
  });
  w.__benchProbe = {
    frameType,
    now: () => origin + performance.now(),
    /** The records inside [from, to] (frames overlapping it). */
    read: (from: number, to: number): ProbeRecords => {
      flush();
      return {
        events: records.events.filter((entry) => entry.startTime >= from && entry.startTime <= to),
        frames: records.frames.filter((entry) => entry.startTime < to && entry.startTime + entry.duration > from),
        progress: records.progress.filter((time) => time >= from && time <= to),
        inputs: records.inputs.filter((time) => time >= from && time <= to),
        files: records.files.filter((time) => time >= from && time <= to),
      };
    },
  };
}

/** Installs the probe in every page of `context` (call before its first page). */
export async function addProbe(context: BrowserContext): Promise<void> {
  await context.addInitScript(installProbe);
}

/** The page's absolute clock now (ms). */
export async function pageNow(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as { __benchProbe: { now(): number } }).__benchProbe.now());
}

/** The records inside [from, to] on the page's absolute clock. */
export async function readProbe(page: Page, from: number, to: number): Promise<ProbeRecords> {
  return page.evaluate(([from, to]) => (window as unknown as { __benchProbe: { read(a: number, b: number): ProbeRecords } }).__benchProbe.read(from!, to!), [from, to]);
}

/** Which frame API the page observes ("long-animation-frame", or "longtask" as the fallback). */
export async function frameApi(page: Page): Promise<string> {
  return page.evaluate(() => (window as unknown as { __benchProbe: { frameType: string } }).__benchProbe.frameType);
}

/**
 * Arms a watch for `condition`, checked in every animation frame from now on; {@link doneAt}
 * returns the time of the first frame it held in. Arm before the input, so nothing is missed.
 */
export async function armDone(page: Page, condition: DoneCondition, timeoutMs = 60_000): Promise<void> {
  await page.evaluate(([condition, timeoutMs]) => {
    const w = window as unknown as { __benchDone?: Promise<number>; __marginaliaTest?: { docUpdates(): number } };
    const { present, absent, field, docUpdatesAbove } = condition as DoneCondition;
    const holds = (): boolean =>
      (present === undefined || document.querySelector(present) !== null)
      && (absent === undefined || document.querySelector(absent) === null)
      && (field === undefined || (document.querySelector(field.selector) as HTMLInputElement | null)?.value === field.value)
      && (docUpdatesAbove === undefined || (w.__marginaliaTest?.docUpdates() ?? -1) > docUpdatesAbove);
    const started = performance.now();
    w.__benchDone = new Promise<number>((resolve, reject) => {
      const frame = (): void => {
        if (holds()) resolve(performance.timeOrigin + performance.now());
        else if (performance.now() - started > (timeoutMs as number)) reject(new Error(`not done within ${timeoutMs as number} ms: ${JSON.stringify(condition)}`));
        else requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
    });
    w.__benchDone.catch(() => undefined);
  }, [condition, timeoutMs] as const);
}

/** The time (page clock) of the frame the armed condition first held in. */
export async function doneAt(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as { __benchDone: Promise<number> }).__benchDone);
}

/** Waits until three frames in a row came within 34 ms of each other (at most 5 s); returns the page clock then. */
export async function settle(page: Page): Promise<number> {
  return page.evaluate(() => new Promise<number>((resolve) => {
    const started = performance.now();
    let last = started;
    let quiet = 0;
    const frame = (now: number): void => {
      quiet = now - last < 34 ? quiet + 1 : 0;
      last = now;
      if (quiet >= 3 || now - started > 5000) resolve(performance.timeOrigin + performance.now());
      else requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  }));
}

/** How many updates the project's doc has applied (read from the page test hook). */
export async function docUpdates(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as { __marginaliaTest: { docUpdates(): number } }).__marginaliaTest.docUpdates());
}
