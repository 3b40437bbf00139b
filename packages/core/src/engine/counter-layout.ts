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
  const c = (index: number): number => counts[offset + index]!;
  const specialGroups: Record<string, SpecialGroupCounts> = {};
  tagIds.forEach((tag, bit) => {
    specialGroups[tag] = { total: c(groupTotal(bit)), notVisited: c(groupNotVisited(bit)), notTested: c(groupNotTested(bit)) };
  });
  return {
    households: {
      total: c(HOUSEHOLDS),
      toVisit: c(HOUSEHOLDS) - c(VACANT),
      visited: c(VISITED),
      noAnswer: c(NO_ANSWER),
      refused: c(REFUSED),
      vacant: c(VACANT),
    },
    members: {
      total: c(MEMBERS),
      eligible: c(MEMBERS) - c(EXEMPT) - c(AWAY),
      tested: c(TESTED),
      exempt: c(EXEMPT),
      away: c(AWAY),
    },
    codes: { green: c(GREEN), yellow: c(YELLOW), red: c(RED), unknown: c(MEMBERS) - c(GREEN) - c(YELLOW) - c(RED) },
    specialGroups,
  };
}
