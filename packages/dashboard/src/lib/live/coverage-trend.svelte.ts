import { CoverageHistory, type CompletionProjection, type CountingRules } from '@gridsweep/core';
import type { ProgressSample } from '../api/types.js';

export interface TrendPoint {
  readonly at: number;
  readonly coverage: number;
  readonly visited: number;
  readonly toVisit: number;
}

/** One point per this many ms at most: a morning is a few hundred points, a week a few thousand. */
export const TREND_STEP_MS = 30_000;
/** Points older than this are dropped, so a wall left on for days stays the same size. */
export const TREND_SPAN_MS = 12 * 3600_000;
/** However the server spaced its samples, the chart never holds more than a span's worth of steps. */
export const TREND_MAX_POINTS = TREND_SPAN_MS / TREND_STEP_MS + 2;

/**
 * The coverage of one area over time, for the wall's chart, and its projected
 * completion from the core's sliding-window rule: the server's history of the
 * morning (`seed`) followed by what this page saw live (`record`).
 */
export class CoverageTrend {
  points = $state.raw<readonly TrendPoint[]>([]);
  projection = $state.raw<CompletionProjection | null>(null);
  /** Null until the round's rules say how far back the projection looks. */
  private history: CoverageHistory | null = null;
  private rules: Pick<CountingRules, 'projectionWindowMs'> | null = null;
  private key: string | null = null;

  /** The round's rules: the projection uses the pace over their window. Nothing is projected before them. */
  useRules(rules: Pick<CountingRules, 'projectionWindowMs'>): void {
    if (this.rules?.projectionWindowMs === rules.projectionWindowMs) return;
    this.rules = rules;
    this.replay();
  }

  /** `key` names what is followed (the wall uses round and area): a new key starts a new trend. */
  record(key: string, at: number, visited: number, toVisit: number): void {
    this.follow(key);
    if (toVisit <= 0) return;
    this.history?.record(key, at, visited);
    this.projection = this.history?.project(key, toVisit, at) ?? null;
    const point = { at, coverage: visited / toVisit, visited, toVisit };
    const kept = this.points.filter((old) => old.at >= at - TREND_SPAN_MS);
    // The last point is live: it moves with every update until it is a step past the one before it.
    const last = kept.at(-1);
    const beforeLast = kept.at(-2);
    if (last && beforeLast && last.at - beforeLast.at < TREND_STEP_MS) kept[kept.length - 1] = point;
    else kept.push(point);
    this.points = kept.slice(-TREND_MAX_POINTS);
  }

  /**
   * Puts the server's samples from before the first live point in front of
   * the live points, so a page opened (or reloaded) late starts its chart and
   * its projection at the start of the morning, not at the moment it opened.
   */
  seed(key: string, samples: readonly ProgressSample[]): void {
    this.follow(key);
    const firstLive = this.points[0]?.at ?? Infinity;
    const earlier = samples
      .filter((sample) => sample.at < firstLive && sample.households.toVisit > 0)
      .map(({ at, households: { visited, toVisit } }) => ({ at, coverage: visited / toVisit, visited, toVisit }));
    const all = [...earlier, ...this.points];
    const newest = all.at(-1);
    if (!newest) return;
    this.points = all.filter((point) => point.at >= newest.at - TREND_SPAN_MS).slice(-TREND_MAX_POINTS);
    this.replay();
  }

  /** Builds the projection's history again from the points kept (after a seed, or with other rules). */
  private replay(): void {
    const key = this.key;
    const newest = this.points.at(-1);
    this.history = this.rules ? new CoverageHistory(this.rules) : null;
    if (!this.history || key === null) return;
    for (const point of this.points) this.history.record(key, point.at, point.visited);
    this.projection = newest ? this.history.project(key, newest.toVisit, newest.at) : null;
  }

  private follow(key: string): void {
    if (key === this.key) return;
    this.key = key;
    this.points = [];
    this.projection = null;
    this.history = this.rules ? new CoverageHistory(this.rules) : null;
  }
}
