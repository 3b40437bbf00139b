import type { AreaCounts, SpecialGroupCounts } from './area-counts.js';

/**
 * Each area keeps its counters as one run of Int32 in the round's counts array;
 * these are their offsets. Figures that follow from others (to visit, eligible,
 * unknown code) are derived when read, so they cannot drift.
 */
export const HOUSEHOLDS = 0;
export const VACANT = 1;
export const VISITED = 2;
export const NO_ANSWER = 3;
export const REFUSED = 4;
export const MEMBERS = 5;
export const TESTED = 6;
export const EXEMPT = 7;
export const AWAY = 8;
export const GREEN = 9;
export const YELLOW = 10;
export const RED = 11;
/** Per special group, three counters from here: total, not visited, not tested. */
export const GROUPS = 12;

export function groupTotal(bit: number): number {
  return GROUPS + 3 * bit;
}
export function groupNotVisited(bit: number): number {
  return GROUPS + 3 * bit + 1;
}
export function groupNotTested(bit: number): number {
  return GROUPS + 3 * bit + 2;
}

export function counterStride(groupCount: number): number {
  return GROUPS + 3 * groupCount;
}

/** The counters of one area, read into the public shape. */
export function readAreaCounts(counts: Int32Array, offset: number, tagIds: readonly string[]): AreaCounts {
  const specialGroups: Record<string, SpecialGroupCounts> = {};
  for (let bit = 0, at = offset + GROUPS; bit < tagIds.length; bit++, at += 3) {
    specialGroups[tagIds[bit]!] = { total: counts[at]!, notVisited: counts[at + 1]!, notTested: counts[at + 2]! };
  }
  const households = counts[offset + HOUSEHOLDS]!;
  const vacant = counts[offset + VACANT]!;
  const members = counts[offset + MEMBERS]!;
  const exempt = counts[offset + EXEMPT]!;
  const away = counts[offset + AWAY]!;
  const green = counts[offset + GREEN]!;
  const yellow = counts[offset + YELLOW]!;
  const red = counts[offset + RED]!;
  return {
    households: {
      total: households,
      toVisit: households - vacant,
      visited: counts[offset + VISITED]!,
      noAnswer: counts[offset + NO_ANSWER]!,
      refused: counts[offset + REFUSED]!,
      vacant,
    },
    members: { total: members, eligible: members - exempt - away, tested: counts[offset + TESTED]!, exempt, away },
    codes: { green, yellow, red, unknown: members - green - yellow - red },
    specialGroups,
  };
}
