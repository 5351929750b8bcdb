/**
 * Measured windows and the person's moves of the `interaction` suite. A window is a list of
 * steps — a real Playwright input (mouse, keyboard, locator click, a file chosen in the
 * chooser) and, when there is one, the condition that says its result is on screen — then
 * a wait until the page is quiet; it yields the INP-style figure and the long frames of the
 * whole window (interaction-metrics.ts) and the time from the timed step's first input to
 * the frame its condition first held in. The page test hook is only read (doc update count).
 */
import type { Page } from 'playwright-core';
import { summariseWindow, type WindowSummary } from './interaction-metrics.ts';
import { armDone, doneAt, pageNow, readProbe, settle, type DoneCondition } from './interaction-probe.ts';

/** One step of a window. */
export interface Step {
  /** Real input: page.mouse, page.keyboard, locator.click or a file chooser. */
  readonly act: () => Promise<void>;
  /** When the step's result is on screen (armed before `act`); none for a step that reloads the page. */
  readonly done?: DoneCondition;
  /** This step's time is the window's `ms` (default: the first step with a condition). */
  readonly timed?: true;
  /**
   * The act is no pointer or key input (a file chosen in the chooser): its time starts when
   * the page receives the file (the file input's change event), not when the harness starts
   * handing it over, which for a file of megabytes is the harness's own transfer time.
   */
  readonly noInput?: true;
}

/** What one window measured. */
export interface Measured extends WindowSummary {
  /** ms from the timed step's first input to the frame its condition held in. */
  readonly ms: number;
  /** ms from the window's first input to the frame the last condition held in. */
  readonly total: number;
  /** Whether a progress bar was on screen during the window. */
  readonly progressShown: boolean;
}

/** Runs `steps` as one window and measures it. */
export async function measure(page: Page, steps: readonly Step[]): Promise<Measured> {
  const start = await pageNow(page);
  const chosen = steps.findIndex((step) => step.timed === true);
  const timedIndex = chosen >= 0 ? chosen : Math.max(0, steps.findIndex((step) => step.done !== undefined));
  let timedStart = start;
  let timedDone = Number.NaN;
  let lastDone = Number.NaN;
  for (const [index, step] of steps.entries()) {
    if (index === timedIndex && index > 0) timedStart = await pageNow(page);
    if (step.done !== undefined) await armDone(page, step.done);
    await step.act();
    if (step.done === undefined) continue;
    lastDone = await doneAt(page);
    if (index === timedIndex) timedDone = lastDone;
  }
  const end = await settle(page);
  const records = await readProbe(page, start, end);
  const firstInput = (from: number): number => records.inputs.find((time) => time >= from) ?? from;
  return {
    ...summariseWindow(records.events, records.frames, start, end),
    ms: timedDone - firstInput(timedStart),
    total: lastDone - (steps[0]?.noInput === true ? records.files.find((time) => time >= start) ?? start : firstInput(start)),
    progressShown: records.progress.length > 0,
  };
}

/** The bundled article the suite reads (about 2,000 of the 10k sample's highlights) and another one. */
export const ARTICLE = 'russia-azerbaijan-disputes';
export const OTHER = 'azerbaijan-back-to-normalcy';

/** The Annotations panel with its results listed (not busy: its deferred list rendered, its index current). */
export const ANNOTATIONS_LISTED = '[data-testid="panel-annotations"] .annotations-panel[aria-busy="false"] [data-testid="annotation-count"]';

/** The reader's text for `id`, with a painted highlight when `dense`. */
export function painted(id: string, dense: boolean): DoneCondition {
  return { present: `.reader[data-document-id="${id}"] .reader-document${dense ? ' mark.hl' : ''}` };
}

/** Clicks the library card of `id` (the library must be on screen). */
export function clickCard(page: Page, id: string): Promise<void> {
  return page.locator(`.library-card[data-document-id="${id}"] a`).click();
}

/** Back to the library by the sidebar's Library link (no panel open), then quiet. */
export async function toLibrary(page: Page): Promise<void> {
  await page.locator('a.sidebar__heading-link', { hasText: 'Library' }).first().click();
  await page.locator('.library-card').first().waitFor();
  await settle(page);
}

/** Opens article `id` from the library by its card and waits until it is painted and quiet. */
export async function openFromLibrary(page: Page, id: string, dense: boolean): Promise<void> {
  await clickCard(page, id);
  await page.locator(painted(id, dense).present as string).first().waitFor({ timeout: 60_000 });
  await settle(page);
}

/** Viewport points of a 15-character run of text in paragraph `n` (scrolled to the middle), on one line (it may span several marks). */
export async function phraseRect(page: Page, n: number): Promise<{ startX: number; endX: number; y: number }> {
  return page.evaluate((n) => {
    const paragraphs = [...document.querySelectorAll('.reader-document p')];
    /** The text node and offset holding character `at` of `paragraph`'s text. */
    const locate = (paragraph: Element, at: number): [Text, number] | null => {
      const walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT);
      let seen = 0;
      for (let node = walker.nextNode() as Text | null; node !== null; node = walker.nextNode() as Text | null) {
        if (at < seen + node.length) return [node, at - seen];
        seen += node.length;
      }
      return null;
    };
    const charRect = (place: [Text, number]): DOMRect => {
      const range = document.createRange();
      range.setStart(place[0], place[1]);
      range.setEnd(place[0], place[1] + 1);
      return range.getBoundingClientRect();
    };
    for (let offset = 0; offset < paragraphs.length; offset += 1) {
      const paragraph = paragraphs[(n * 5 + offset) % paragraphs.length] as HTMLElement;
      if ((paragraph.textContent ?? '').length < 60) continue;
      paragraph.scrollIntoView({ block: 'center' });
      for (const from of [10, 30, 50]) {
        const start = locate(paragraph, from);
        const end = locate(paragraph, from + 14);
        if (start === null || end === null) continue;
        const first = charRect(start);
        const last = charRect(end);
        if (Math.abs(first.top - last.top) > 2 || last.right <= first.left) continue;
        return { startX: first.left + 1, endX: last.right - 1, y: (first.top + first.bottom) / 2 };
      }
    }
    throw new Error('no paragraph with a run of text on one line');
  }, n);
}

/** A mouse drag across the run of text at `rect` (down, four moves, up), as a person selects. */
export async function dragAcross(page: Page, rect: { startX: number; endX: number; y: number }): Promise<void> {
  await page.mouse.move(rect.startX, rect.y);
  await page.mouse.down();
  await page.mouse.move(rect.endX, rect.y, { steps: 4 });
  await page.mouse.up();
}

/** Presses one character key (Space for a space). */
export function pressCharacter(page: Page, character: string): Promise<void> {
  return page.keyboard.press(character === ' ' ? 'Space' : character);
}

/**
 * One window per character of `text` typed into the focused field `selector`: the key
 * press, done when the field holds the text so far (and `extra(value)` holds), then quiet.
 * The field is emptied (Control+A, Backspace) first, outside the windows.
 */
export async function keystrokeWindows(page: Page, selector: string, text: string, extra: (value: string) => DoneCondition = () => ({})): Promise<Measured[]> {
  await page.keyboard.press('Control+a');
  await page.keyboard.press('Backspace');
  await page.waitForFunction((selector) => (document.querySelector(selector) as HTMLInputElement | null)?.value === '', selector);
  await settle(page);
  const out: Measured[] = [];
  let value = '';
  for (const character of text) {
    value += character;
    out.push(await measure(page, [{ act: () => pressCharacter(page, character), done: { field: { selector, value }, ...extra(value) } }]));
  }
  return out;
}
