import type { HouseholdCounts, Point } from '@gridsweep/core';
import type { RosterTerritory } from '../../roster-territory.js';

/** A building of a micro-grid with where its households stand in a round: what the map draws as a point. */
export interface BuildingWithCounts {
  readonly id: string;
  readonly name: string;
  readonly units: number;
  readonly floors: number;
  readonly location: Point | null;
  readonly households: HouseholdCounts;
}

/**
 * Each building of a micro-grid with its households counted by the counting
 * engine, the same rules and the same latest values as every area's counts.
 * Only counts leave here, never a room number or a name.
 */
export function buildingHouseholdCounts(territory: RosterTerritory, microgridId: string, countsOf: (buildingId: string) => HouseholdCounts): BuildingWithCounts[] {
  return territory.buildingsOf(microgridId).map((building) => ({
    id: building.id,
    name: building.name,
    units: building.units,
    floors: building.floors,
    location: building.location ?? null,
    households: countsOf(building.id),
  }));
}
