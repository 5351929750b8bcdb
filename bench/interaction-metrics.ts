/**
 * Pure arithmetic of the `interaction` suite: what one measured window of Event Timing and
 * Long Animation Frame entries says (the INP method: per interaction, the longest event
 * duration; a window's figure is its worst interaction), and how a cost-curve figure grew
 * from one corpus size to the next. No browser here, so tests/bench can check it with known answers.
 */

/** The Event Timing threshold the page's observer uses: shorter events are not reported. */
export const EVENT_DURATION_THRESHOLD_MS = 16;

/** A frame longer than this is a budget miss (docs/architecture.md §8). */
export const LONG_FRAME_MS = 50;

/** An Event Timing entry as the page reports it (`startTime` on the page's absolute clock). */
export interface EventTimingEntry {
  readonly name: string;
  readonly startTime: number;
  readonly duration: number;
  /** 0 for events that are not part of an interaction (e.g. pointermove). */
  readonly interactionId: number;
}

/** A long animation frame (or, where the API is missing, a long task). */
export interface FrameEntry {
  readonly startTime: number;
  readonly duration: number;
  /** For a frame over 50 ms: where its time went, from the Long Animation Frame entry. */
  readonly attribution?: FrameAttribution;
}

/** Where a long animation frame's time went (the Long Animation Frame API's script and render timings). */
export interface FrameAttribution {
  /** Its scripts of 5 ms or more: what invoked each (event listener, timer, promise…) with the function's name where known. */
  readonly scripts: readonly { readonly what: string; readonly ms: number; readonly forcedLayoutMs: number }[];
  /** The frame's rendering: from its render start (animation-frame callbacks, style, layout, paint) to its end. */
  readonly renderMs: number;
  /** Of that, style and layout (to the frame's end). */
  readonly styleLayoutMs: number;
}

/** One line on a long frame: its two longest scripts and its rendering, e.g. `script 38 ms TimerHandler:setTimeout load; render 21 ms (style+layout 18)`. */
export function describeFrame(attribution: FrameAttribution): string {
  const scripts = [...attribution.scripts].sort((a, b) => b.ms - a.ms).slice(0, 2).map((script) =>
    `script ${Math.round(script.ms)} ms ${script.what}${script.forcedLayoutMs >= 5 ? ` (forced layout ${Math.round(script.forcedLayoutMs)})` : ''}`);
  return [...scripts, `render ${Math.round(attribution.renderMs)} ms (style+layout ${Math.round(attribution.styleLayoutMs)})`].join('; ');
}

/** What one window of entries says. */
export interface WindowSummary {
  /** The worst interaction's latency (ms); the threshold when none was long enough to be reported. */
  readonly inp: number;
  /** How many interactions Event Timing reported in the window. */
  readonly interactions: number;
  /** The longest frame overlapping the window (ms); 0 when none was over 50 ms. */
  readonly longestFrame: number;
  /** Frames over 50 ms overlapping the window. */
  readonly framesOver50: number;
  /** Where the longest of them spent its time (absent when none was over 50 ms or the page gave no attribution). */
  readonly longestCause?: string;
}

/**
 * Interaction latencies by interaction id: each interaction's longest event duration (the
 * INP method). Events without an interaction id (moves, scrolls) are left out.
 */
export function interactionLatencies(events: readonly EventTimingEntry[]): Map<number, number> {
  const longest = new Map<number, number>();
  for (const event of events) {
    if (event.interactionId <= 0) continue;
    longest.set(event.interactionId, Math.max(longest.get(event.interactionId) ?? 0, event.duration));
  }
  return longest;
}

/**
 * Summarises the entries of the window [start, end] (page clock, ms): events that started
 * in it, frames that overlap it. A window whose interactions were all under the Event Timing
 * threshold gets the threshold as its INP — an upper bound, since shorter ones are not reported.
 */
export function summariseWindow(events: readonly EventTimingEntry[], frames: readonly FrameEntry[], start: number, end: number): WindowSummary {
  const latencies = interactionLatencies(events.filter((event) => event.startTime >= start && event.startTime <= end));
  const overlapping = frames.filter((frame) => frame.startTime < end && frame.startTime + frame.duration > start);
  const long = overlapping.filter((frame) => frame.duration > LONG_FRAME_MS);
  const worst = long.reduce<FrameEntry | undefined>((found, frame) => (found === undefined || frame.duration > found.duration ? frame : found), undefined);
  return {
    inp: Math.max(EVENT_DURATION_THRESHOLD_MS, ...latencies.values()),
    interactions: latencies.size,
    longestFrame: worst?.duration ?? 0,
    framesOver50: long.length,
    ...(worst?.attribution !== undefined ? { longestCause: describeFrame(worst.attribution) } : {}),
  };
}

/** How a cost-curve figure is expected to grow: with the corpus (at most linearly) or not at all. */
export type CurveExpectation = 'linear' | 'flat';

/** One step of the cost curve (e.g. 10k → 50k) for one figure. */
export interface CurveStep {
  readonly ratio: number;
  /** "ok" within expectation; "superlinear" or "grows" otherwise; "—" when a value is missing. */
  readonly verdict: 'ok' | 'superlinear' | 'grows' | '—';
}

/** Slack on a linear figure: grows by at most 1.25× the corpus ratio. */
const LINEAR_SLACK = 1.25;
/** A flat figure may wander by this factor (noise) before it counts as growing. */
const FLAT_SLACK = 1.5;

/** Judges one step of the curve: `from` and `to` are the figure at `fromSize` and `toSize` highlights. */
export function judgeCurveStep(expectation: CurveExpectation, fromSize: number, toSize: number, from: number, to: number): CurveStep {
  if (!(from > 0) || !Number.isFinite(to)) return { ratio: Number.NaN, verdict: '—' };
  const ratio = to / from;
  if (expectation === 'linear') return { ratio, verdict: ratio <= (toSize / fromSize) * LINEAR_SLACK ? 'ok' : 'superlinear' };
  return { ratio, verdict: ratio <= FLAT_SLACK ? 'ok' : 'grows' };
}
