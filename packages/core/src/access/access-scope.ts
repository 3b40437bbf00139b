import type { Area, Building } from '../territory/entities.js';

/**
 * The part of the territory an account may see: everything (admin, wall), the
 * subtrees of some areas (a commander's district, a worker's micro-grids), or
 * one household (a resident).
 */
export type AccessScope =
  | { readonly kind: 'everything' }
  | { readonly kind: 'areas'; readonly areaIds: readonly string[] }
  | { readonly kind: 'household'; readonly householdId: string };

/** What scope checks need from a territory. `Territory` has all of it. */
export interface ScopeTerritory {
  area(id: string): Area | undefined;
  building(id: string): Building | undefined;
  /** The building a household is in, or undefined when there is no such household. */
  householdBuilding(householdId: string): string | undefined;
  /** Nearest first, ending at the root. */
  ancestors(areaId: string): Area[];
}

/** Whether the area lies in the scope: it is one of the scope's areas or below one. */
export function scopeCoversArea(scope: AccessScope, territory: ScopeTerritory, areaId: string): boolean {
  if (scope.kind === 'everything') return territory.area(areaId) !== undefined;
  if (scope.kind === 'household') return false;
  if (territory.area(areaId) === undefined) return false;
  if (scope.areaIds.includes(areaId)) return true;
  return territory.ancestors(areaId).some((ancestor) => scope.areaIds.includes(ancestor.id));
}

/**
 * Whether the area lies in the scope or above part of it: a district
 * commander may ask for "the micro-grids within the city" and gets those of
 * the district. Listing queries use this; reads of one object use `scopeCoversArea`.
 */
export function scopeReachesArea(scope: AccessScope, territory: ScopeTerritory, areaId: string): boolean {
  if (scopeCoversArea(scope, territory, areaId)) return true;
  if (scope.kind !== 'areas') return false;
  return scope.areaIds.some((own) => territory.ancestors(own).some((ancestor) => ancestor.id === areaId));
}

export function scopeCoversBuilding(scope: AccessScope, territory: ScopeTerritory, buildingId: string): boolean {
  const building = territory.building(buildingId);
  return building !== undefined && scopeCoversArea(scope, territory, building.areaId);
}

export function scopeCoversHousehold(scope: AccessScope, territory: ScopeTerritory, householdId: string): boolean {
  const buildingId = territory.householdBuilding(householdId);
  if (buildingId === undefined) return false;
  if (scope.kind === 'household') return scope.householdId === householdId;
  return scopeCoversBuilding(scope, territory, buildingId);
}

/** The highest areas of the scope: where a view of "everything I may see" starts. */
export function scopeRoots(scope: AccessScope, territory: ScopeTerritory & { roots(): Area[] }): Area[] {
  if (scope.kind === 'everything') return territory.roots();
  if (scope.kind === 'household') return [];
  const areas = scope.areaIds.map((id) => territory.area(id)).filter((area): area is Area => area !== undefined);
  // An area below another of the same scope adds nothing.
  return areas.filter((area) => !territory.ancestors(area.id).some((ancestor) => scope.areaIds.includes(ancestor.id)));
}
