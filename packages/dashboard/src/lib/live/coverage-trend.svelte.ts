import { CoverageHistory, type CompletionProjection } from '@gridsweep/core';

export interface TrendPoint {
  readonly at: number;
  readonly coverage: number;
}

/** One point per this many ms at most: a morning is a few hundred points, a week a few thousand. */
export const TREND_STEP_MS = 30_000;
/** Points older than this are dropped, so a wall left on for days stays the same size. */
export const TREND_SPAN_MS = 12 * 3600_000;

/**
 * The coverage of one area over time as this page saw it, for the wall's
 * chart, and its projected completion from the core's sliding-window rule.
 */
export class CoverageTrend {
  points = $state.raw<readonly TrendPoint[]>([]);
  projection = $state.raw<CompletionProjection | null>(null);
  private history = new CoverageHistory();
  private areaId: string | null = null;

  record(areaId: string, at: number, visited: number, toVisit: number): void {
    if (areaId !== this.areaId) {
      this.areaId = areaId;
      this.points = [];
      this.history = new CoverageHistory();
    }
    if (toVisit <= 0) return;
    this.history.record(areaId, at, visited);
    this.projection = this.history.project(areaId, toVisit, at);
    const point = { at, coverage: visited / toVisit };
    const kept = this.points.filter((old) => old.at >= at - TREND_SPAN_MS);
    // The last point is live: it moves with every update until it is a step past the one before it.
    const last = kept.at(-1);
    const beforeLast = kept.at(-2);
    if (last && beforeLast && last.at - beforeLast.at < TREND_STEP_MS) kept[kept.length - 1] = point;
    else kept.push(point);
    this.points = kept;
  }
}
