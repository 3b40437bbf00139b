import type { AreaCounts } from './area-counts.js';

/** One area's counts before and after a stretch of changes. */
export interface AreaCountsChange {
  readonly from: AreaCounts;
  readonly to: AreaCounts;
}

/**
 * Changed counts as data, by round id and then area id. Only areas whose
 * counts differ between `from` and `to` appear, so an empty object means
 * nothing changed. JSON-safe, ready to broadcast.
 */
export type AreaCountsDiff = Readonly<Record<string, Readonly<Record<string, AreaCountsChange>>>>;

/**
 * The diff of `a` followed by `b`, as one: per area the `from` of the first and
 * the `to` of the last; an area that ends where it started drops out. Pure:
 * neither argument is changed.
 */
export function squash(a: AreaCountsDiff, b: AreaCountsDiff): AreaCountsDiff {
  const result: Record<string, Record<string, AreaCountsChange>> = {};
  for (const [roundId, areas] of Object.entries(a)) result[roundId] = { ...areas };
  for (const [roundId, areas] of Object.entries(b)) {
    const merged = (result[roundId] ??= {});
    for (const [areaId, change] of Object.entries(areas)) {
      const earlier = merged[areaId];
      if (earlier === undefined) merged[areaId] = change;
      else if (sameCounts(earlier.from, change.to)) delete merged[areaId];
      else merged[areaId] = { from: earlier.from, to: change.to };
    }
    if (Object.keys(merged).length === 0) delete result[roundId];
  }
  return result;
}

export function sameCounts(a: AreaCounts, b: AreaCounts): boolean {
  const h = a.households;
  const k = b.households;
  const m = a.members;
  const n = b.members;
  if (h.total !== k.total || h.vacant !== k.vacant || h.visited !== k.visited || h.noAnswer !== k.noAnswer || h.refused !== k.refused) return false;
  if (m.total !== n.total || m.tested !== n.tested || m.exempt !== n.exempt || m.away !== n.away) return false;
  if (a.codes.green !== b.codes.green || a.codes.yellow !== b.codes.yellow || a.codes.red !== b.codes.red) return false;
  const groups = Object.keys(a.specialGroups);
  if (groups.length !== Object.keys(b.specialGroups).length) return false;
  return groups.every((id) => {
    const x = a.specialGroups[id]!;
    const y = b.specialGroups[id];
    return y !== undefined && x.total === y.total && x.notVisited === y.notVisited && x.notTested === y.notTested;
  });
}
