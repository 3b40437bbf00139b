import type { TerritoryLookup } from '@gridsweep/core';

/** What the caller's scope covers, asked of ids that exist. */
export interface ScopeCover {
  area(areaId: string): boolean;
  building(buildingId: string): boolean;
  household(householdId: string): boolean;
}

/** Ids a body refers to as the place it hangs from, checked against the caller's scope. */
export interface References {
  readonly areaIds: ReadonlySet<string>;
  readonly buildingIds: ReadonlySet<string>;
  readonly householdIds: ReadonlySet<string>;
}

/**
 * The territory as a caller's validation should see it: the places a body
 * refers to exist only when they lie in the caller's scope, so a reference
 * outside it is answered word for word as one that does not exist. Other ids
 * (a new record's own id, checked for duplicates) are looked up in the whole
 * territory: ids are global, and a duplicate must never reach the database.
 */
export function scopedLookup(territory: TerritoryLookup, covers: ScopeCover, refs: References): TerritoryLookup {
  return {
    levels: territory.levels,
    areaLevel: (id) => (refs.areaIds.has(id) && !covers.area(id) ? undefined : territory.areaLevel(id)),
    hasBuilding: (id) => territory.hasBuilding(id) && (!refs.buildingIds.has(id) || covers.building(id)),
    hasHousehold: (id) => territory.hasHousehold(id) && (!refs.householdIds.has(id) || covers.household(id)),
    memberHousehold: (id) => territory.memberHousehold(id),
  };
}

/** The references of a create body: its parent area, area, building or household. */
export function referencesOf(body: unknown): References {
  const fields = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const ids = (...names: string[]) => new Set(names.map((name) => fields[name]).filter((id): id is string => typeof id === 'string'));
  return { areaIds: ids('parentId', 'areaId'), buildingIds: ids('buildingId'), householdIds: ids('householdId') };
}
