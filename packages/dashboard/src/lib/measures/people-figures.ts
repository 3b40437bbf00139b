import type { AreaCounts } from '@gridsweep/core';
import type { Figure } from '../api/types.js';

// The two measures that count people rather than divide: how many carry a red
// or yellow code, and how many of the special groups live in a household not
// yet visited. Both are "no data" where there is nobody to count.

/** Red and yellow codes: `value` is both together; no data in an area without members. */
export function codesFigure(counts: AreaCounts): Figure | null {
  const { red, yellow } = counts.codes;
  if (counts.members.total <= 0) return null;
  return { value: red + yellow, red, yellow, denominator: counts.members.total };
}

/**
 * Special groups not yet reached: `value` is how many of their members live
 * in a household not yet visited, out of `denominator`. A member of two
 * groups counts once in each, as the counts keep them per group.
 */
export function specialGroupsFigure(counts: AreaCounts): Figure | null {
  let total = 0;
  let notReached = 0;
  for (const group of Object.values(counts.specialGroups)) {
    total += group.total;
    notReached += group.notVisited;
  }
  return total > 0 ? { value: notReached, numerator: notReached, denominator: total } : null;
}

/** One of the counts a figure of people carries beside its value (`red`, `yellow`); 0 when absent. */
export function countIn(figure: Figure, key: string): number {
  const value = figure[key];
  return typeof value === 'number' ? value : 0;
}
