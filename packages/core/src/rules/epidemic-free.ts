import type { AreaCounts } from '../engine/area-counts.js';
import type { CountingRules } from './counting-rules.js';

/** A ratio, or null when there is nothing to divide by (nothing to measure is not 0 %). */
export function ratioOf(numerator: number, denominator: number): number | null {
  return denominator > 0 ? numerator / denominator : null;
}

/** Which of the 无疫 conditions an area meets; evaluateArea explains them, this only answers. */
export function epidemicFreeChecks(counts: AreaCounts, rules: CountingRules): { coverage: boolean; testRate: boolean; redCodes: boolean } {
  const t = rules.epidemicFree;
  const coverage = ratioOf(counts.households.visited, counts.households.toVisit);
  const testRate = ratioOf(counts.members.tested, counts.members.eligible);
  return {
    coverage: coverage !== null && coverage >= t.minCoverage,
    testRate: testRate !== null && testRate >= t.minTestRate,
    redCodes: counts.codes.red <= t.maxRedCodes,
  };
}

/**
 * Whether an area is 无疫 (epidemic-free) under the rules. It builds no
 * explanation, so a wall can ask it of every micro-grid at every update.
 */
export function isEpidemicFree(counts: AreaCounts, rules: CountingRules): boolean {
  const checks = epidemicFreeChecks(counts, rules);
  return checks.coverage && checks.testRate && checks.redCodes;
}
