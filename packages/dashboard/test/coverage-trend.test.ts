import { describe, expect, it } from 'vitest';
import { CoverageTrend, TREND_SPAN_MS, TREND_STEP_MS } from '../src/lib/live/coverage-trend.svelte.js';

describe('CoverageTrend', () => {
  it('keeps one point per step and a live last point that follows every update', () => {
    const trend = new CoverageTrend();
    const start = 1_700_000_000_000;
    for (let second = 0; second <= 70; second++) trend.record('city-1', start + second * 1_000, second, 100);
    expect(trend.points.map((point) => (point.at - start) / 1_000)).toEqual([0, 30, 60, 70]);
    expect(trend.points.at(-1)!.coverage).toBe(0.7);
  });

  it('forgets points older than its span, so a wall left on for days does not grow', () => {
    const trend = new CoverageTrend();
    const start = 1_700_000_000_000;
    for (let at = start; at <= start + 3 * TREND_SPAN_MS; at += TREND_STEP_MS) trend.record('city-1', at, 1, 100);
    expect(trend.points.length).toBeLessThanOrEqual(TREND_SPAN_MS / TREND_STEP_MS + 2);
    expect(trend.points[0]!.at).toBeGreaterThanOrEqual(start + 2 * TREND_SPAN_MS);
  });

  it('projects completion from the recent pace with the core rule', () => {
    const trend = new CoverageTrend();
    const start = 1_700_000_000_000;
    trend.record('city-1', start, 0, 100);
    trend.record('city-1', start + 60_000, 10, 100);
    expect(trend.projection?.reason).toBe('projected');
    expect(trend.projection?.at).toBe(start + 60_000 + 9 * 60_000);
  });
});
