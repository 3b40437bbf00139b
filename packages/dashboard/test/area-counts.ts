import type { AreaCounts } from '@gridsweep/core';

/** What a test states of an area's counts; everything else is zero. */
export interface CountsGiven {
  readonly households?: Partial<AreaCounts['households']>;
  readonly members?: Partial<AreaCounts['members']>;
  readonly markers?: AreaCounts['markers'];
  readonly specialGroups?: AreaCounts['specialGroups'];
}

/** An area's counts (v3), all zero except what the test states. */
export function areaCounts({ households = {}, members = {}, markers = {}, specialGroups = {} }: CountsGiven = {}): AreaCounts {
  return {
    households: { total: 0, toVisit: 0, visited: 0, noAnswer: 0, refused: 0, vacant: 0, ...households },
    members: { total: 0, eligible: 0, done: 0, exempt: 0, away: 0, reached: 0, ...members },
    markers,
    specialGroups,
  };
}
