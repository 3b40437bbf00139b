import type { BuildingWithCountsSchema } from '@gridsweep/contract';
import type { HouseholdCounts } from '@gridsweep/core';
import type { Static } from 'typebox';
import type { RosterTerritory } from '../../roster-territory.js';

/** A building of a micro-grid with where its households stand in a round: what the map draws as a point. */
export type BuildingWithCounts = Static<typeof BuildingWithCountsSchema>;

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
