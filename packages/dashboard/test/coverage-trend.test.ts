import { NUCLEIC_ACID_RULES } from '@gridsweep/core';
import { describe, expect, it } from 'vitest';
import { CoverageTrend, TREND_MAX_POINTS, TREND_SPAN_MS, TREND_STEP_MS } from '../src/lib/live/coverage-trend.svelte.js';

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

  it("projects completion from the recent pace with the core rule, over the round's rules' window", () => {
    const trend = new CoverageTrend();
    trend.useRules(NUCLEIC_ACID_RULES);
    const start = 1_700_000_000_000;
    trend.record('city-1', start, 0, 100);
    trend.record('city-1', start + 60_000, 10, 100);
    expect(trend.projection?.reason).toBe('projected');
    expect(trend.projection?.at).toBe(start + 60_000 + 9 * 60_000);
  });

  const sample = (at: number, visited: number, toVisit = 100) => ({ at, households: { visited, toVisit }, members: { done: 0, eligible: 0 } });

  it("starts with the server's samples from before the page opened, then the live points after them", () => {
    const trend = new CoverageTrend();
    const start = 1_700_000_000_000;
    trend.record('r|city-1', start + 120_000, 40, 100);
    // The server also sampled after the page opened: the live point already covers that moment.
    trend.seed('r|city-1', [sample(start, 0), sample(start + 30_000, 10), sample(start + 60_000, 20), sample(start + 150_000, 99)]);
    expect(trend.points.map((point) => [(point.at - start) / 1_000, point.coverage])).toEqual([[0, 0], [30, 0.1], [60, 0.2], [120, 0.4]]);
    trend.record('r|city-1', start + 180_000, 50, 100);
    expect(trend.points.map((point) => (point.at - start) / 1_000)).toEqual([0, 30, 60, 120, 180]);
  });

  it('projects nothing before the round\'s rules are known, then from the points it kept', () => {
    const trend = new CoverageTrend();
    const start = 1_700_000_000_000;
    trend.record('city-1', start, 0, 100);
    trend.record('city-1', start + 60_000, 10, 100);
    expect(trend.projection).toBeNull();
    trend.useRules(NUCLEIC_ACID_RULES);
    expect(trend.projection?.at).toBe(start + 60_000 + 9 * 60_000);
  });

  it("projects completion from the server's samples before any live point arrives", () => {
    const trend = new CoverageTrend();
    trend.useRules(NUCLEIC_ACID_RULES);
    const start = 1_700_000_000_000;
    trend.seed('r|city-1', [sample(start, 0), sample(start + 60_000, 10)]);
    expect(trend.projection?.reason).toBe('projected');
    expect(trend.projection?.at).toBe(start + 60_000 + 9 * 60_000);
  });

  it("keeps a seeded chart within its span and point bound, however densely the server sampled", () => {
    const trend = new CoverageTrend();
    const start = 1_700_000_000_000;
    const samples = Array.from({ length: 3 * TREND_MAX_POINTS }, (_, index) => sample(start + index * 1_000, index % 100));
    trend.seed('r|city-1', samples);
    expect(trend.points).toHaveLength(TREND_MAX_POINTS);
    expect(trend.points.at(-1)!.at).toBe(samples.at(-1)!.at);
  });

  it("drops another round's or area's points when what it follows changes", () => {
    const trend = new CoverageTrend();
    const start = 1_700_000_000_000;
    trend.record('r1|city-1', start, 10, 100);
    trend.seed('r2|city-1', [sample(start - 60_000, 1)]);
    expect(trend.points.map((point) => point.coverage)).toEqual([0.01]);
  });
});

