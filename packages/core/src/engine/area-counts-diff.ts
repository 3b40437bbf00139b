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
  return sameNumbers(a.households, b.households) && sameNumbers(a.members, b.members) && sameNumbers(a.markers, b.markers) && sameGroups(a.specialGroups, b.specialGroups);
}

function sameNumbers(a: object, b: object): boolean {
  const x = a as Readonly<Record<string, number>>;
  const y = b as Readonly<Record<string, number>>;
  const keys = Object.keys(x);
  return keys.length === Object.keys(y).length && keys.every((key) => x[key] === y[key]);
}

function sameGroups(a: AreaCounts['specialGroups'], b: AreaCounts['specialGroups']): boolean {
  const groups = Object.keys(a);
  return groups.length === Object.keys(b).length && groups.every((id) => b[id] !== undefined && sameNumbers(a[id]!, b[id]));
}
