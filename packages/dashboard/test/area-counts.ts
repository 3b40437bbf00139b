import type { AreaCounts } from '@gridsweep/core';

/** An area's counts, all zero except what the test states. */
export function areaCounts(
  households: Partial<AreaCounts['households']> = {},
  members: Partial<AreaCounts['members']> = {},
  codes: Partial<AreaCounts['codes']> = {},
  specialGroups: AreaCounts['specialGroups'] = {},
): AreaCounts {
  return {
    households: { total: 0, toVisit: 0, visited: 0, noAnswer: 0, refused: 0, vacant: 0, ...households },
    members: { total: 0, eligible: 0, tested: 0, exempt: 0, away: 0, ...members },
    codes: { green: 0, yellow: 0, red: 0, unknown: 0, ...codes },
    specialGroups,
  };
}
