import { countAt } from '../campaign/count-path.js';
import type { CampaignTemplate } from '../campaign/template.js';
import type { AreaCounts } from '../engine/area-counts.js';
import type { CountingRules, GoalCondition } from './counting-rules.js';

/** A ratio, or null when there is nothing to divide by (nothing to measure is not 0 %). */
export function ratioOf(numerator: number, denominator: number): number | null {
  return denominator > 0 ? numerator / denominator : null;
}

/** The value of a share measure of the template, or null with nothing to measure. */
export function shareOf(counts: AreaCounts, template: CampaignTemplate, measureId: string): number | null {
  const measure = template.measures.find((m) => m.id === measureId);
  if (measure?.kind !== 'share') return null;
  return ratioOf(countAt(counts, measure.numerator) ?? 0, countAt(counts, measure.denominator) ?? 0);
}

/** The figure a condition tests and whether it passes. */
export function checkCondition(counts: AreaCounts, template: CampaignTemplate, condition: GoalCondition): { actual: number | null; passed: boolean } {
  if ('measure' in condition) {
    const actual = shareOf(counts, template, condition.measure);
    return { actual, passed: actual !== null && actual >= condition.min };
  }
  const actual = countAt(counts, condition.count) ?? 0;
  return { actual, passed: actual <= condition.max };
}

/**
 * Whether an area meets the rules' goal (无疫 for a test round). It builds no
 * explanation, so a wall can ask it of every micro-grid at every update;
 * false when the rules set no goal.
 */
export function meetsGoal(counts: AreaCounts, template: CampaignTemplate, rules: CountingRules): boolean {
  if (rules.goal === null) return false;
  return rules.goal.conditions.every((condition) => checkCondition(counts, template, condition).passed);
}
