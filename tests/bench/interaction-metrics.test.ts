/**
 * The interaction suite's arithmetic: INP per window from Event Timing entries (grouped by
 * interaction id, the longest duration each, the worst interaction), long frames in a
 * window, and the cost curve's verdicts, with known answers.
 */
import { describe, expect, it } from 'vitest';
import { describeFrame, interactionLatencies, judgeCurveStep, summariseWindow, type EventTimingEntry } from '../../bench/interaction-metrics.ts';
import { quantile } from '../../bench/harness.ts';

const event = (interactionId: number, startTime: number, duration: number, name = 'pointerdown'): EventTimingEntry => ({ name, startTime, duration, interactionId });

describe('interactionLatencies', () => {
  it('keeps each interaction’s longest event and leaves out events outside interactions', () => {
    const latencies = interactionLatencies([
      event(7, 100, 24, 'pointerdown'),
      event(7, 180, 88, 'click'),
      event(7, 170, 40, 'pointerup'),
      event(9, 400, 32, 'keydown'),
      event(9, 460, 16, 'keyup'),
      event(0, 300, 120, 'pointermove'),
    ]);
    expect([...latencies.entries()].sort()).toEqual([[7, 88], [9, 32]]);
  });
});

describe('summariseWindow', () => {
  it('takes the worst interaction that started in the window and counts the frames over 50 ms overlapping it', () => {
    const events = [event(1, 50, 200), event(2, 1000, 40), event(3, 1100, 72), event(4, 3000, 300)];
    const frames = [
      { startTime: 900, duration: 120 }, // starts before the window, overlaps it
      { startTime: 1200, duration: 50 }, // exactly 50: not over
      { startTime: 1500, duration: 64 },
      { startTime: 2500, duration: 90 }, // after the window
    ];
    expect(summariseWindow(events, frames, 1000, 2000)).toEqual({ inp: 72, interactions: 2, longestFrame: 120, framesOver50: 2 });
  });

  it('gives the Event Timing threshold as an upper bound when no interaction was reported, and 0 for no long frame', () => {
    expect(summariseWindow([event(0, 10, 30, 'pointermove')], [{ startTime: 0, duration: 20 }], 0, 100)).toEqual({ inp: 16, interactions: 0, longestFrame: 0, framesOver50: 0 });
  });

  it('says where the longest frame spent its time', () => {
    const attribution = { scripts: [{ what: 'TimerHandler:setTimeout', ms: 12, forcedLayoutMs: 0 }, { what: 'BUTTON.onclick openPanel', ms: 40.4, forcedLayoutMs: 9 }, { what: 'FrameRequestCallback', ms: 6, forcedLayoutMs: 0 }], renderMs: 21, styleLayoutMs: 18 };
    const frames = [{ startTime: 10, duration: 60 }, { startTime: 100, duration: 80, attribution }];
    expect(summariseWindow([], frames, 0, 500).longestCause).toBe('script 40 ms BUTTON.onclick openPanel (forced layout 9); script 12 ms TimerHandler:setTimeout; render 21 ms (style+layout 18)');
    expect(describeFrame({ scripts: [], renderMs: 55.2, styleLayoutMs: 50 })).toBe('render 55 ms (style+layout 50)');
  });

  it('gives the p95 over windows with the harness’s nearest-rank quantile', () => {
    const inps = Array.from({ length: 20 }, (_, index) => summariseWindow([event(index + 1, index * 10, 20 + index * 5)], [], index * 10, index * 10 + 5).inp);
    expect(inps[19]).toBe(115);
    expect(quantile(inps, 0.95)).toBe(110);
  });
});

describe('judgeCurveStep', () => {
  it('allows a linear figure to grow with the corpus, with a quarter of slack', () => {
    expect(judgeCurveStep('linear', 10_000, 50_000, 100, 600)).toEqual({ ratio: 6, verdict: 'ok' });
    expect(judgeCurveStep('linear', 10_000, 50_000, 100, 700)).toEqual({ ratio: 7, verdict: 'superlinear' });
  });

  it('flags a per-article figure that grows with the corpus', () => {
    expect(judgeCurveStep('flat', 50_000, 100_000, 40, 50)).toEqual({ ratio: 1.25, verdict: 'ok' });
    expect(judgeCurveStep('flat', 50_000, 100_000, 40, 80)).toEqual({ ratio: 2, verdict: 'grows' });
  });

  it('gives no verdict when a figure is missing', () => {
    expect(judgeCurveStep('flat', 1_000, 10_000, Number.NaN, 5).verdict).toBe('—');
    expect(judgeCurveStep('flat', 1_000, 10_000, 5, Number.NaN).verdict).toBe('—');
  });
});
