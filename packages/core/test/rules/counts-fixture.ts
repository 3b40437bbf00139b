import type { AreaCounts } from '../../src/index.js';

/** Area counts from the few figures a rule reads; the rest follow from them. */
export function areaCounts(f: { households?: number; vacant?: number; visited?: number; members?: number; done?: number; exempt?: number; away?: number; red?: number; reached?: number }): AreaCounts {
  const households = f.households ?? 100;
  const vacant = f.vacant ?? 0;
  const members = f.members ?? 260;
  const exempt = f.exempt ?? 0;
  const away = f.away ?? 0;
  const red = f.red ?? 0;
  return {
    households: { total: households, toVisit: households - vacant, visited: f.visited ?? 0, noAnswer: 0, refused: 0, vacant },
    members: { total: members, eligible: members - exempt - away, done: f.done ?? 0, exempt, away, reached: f.reached ?? 0 },
    markers: { green: 0, yellow: 0, red, unknown: members - red },
    specialGroups: {},
  };
}
