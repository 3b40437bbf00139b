import type { BuildingWithCountsSchema } from '@gridsweep/contract';
import type { CampaignTemplate, Territory } from '@gridsweep/core';
import type { Static } from 'typebox';

/** A building of a micro-grid with where its households stand in a round: what the map draws as a point. */
export type BuildingWithCounts = Static<typeof BuildingWithCountsSchema>;

/** Latest recorded values of a household in the round (field id to option id), or undefined if none. */
export type HouseholdValuesOf = (householdId: string) => Readonly<Record<string, string>> | undefined;

/**
 * Counts each building's households the way the counting engine counts an
 * area's: vacant in the roster or found vacant at the door is vacant, otherwise
 * the outcome's kind decides; toVisit = total − vacant. Only counts leave here,
 * never a room number or a name.
 */
export function buildingHouseholdCounts(
  territory: Territory,
  microgridId: string,
  template: CampaignTemplate,
  valuesOf: HouseholdValuesOf,
): BuildingWithCounts[] {
  const outcome = template.householdOutcome;
  const kindOf = new Map(outcome.options.map((option) => [option.id, option.counts]));
  return territory.buildingsOf(microgridId).map((building) => {
    let total = 0;
    let vacant = 0;
    let visited = 0;
    let noAnswer = 0;
    let refused = 0;
    for (const household of territory.householdsOf(building.id)) {
      total++;
      const recorded = valuesOf(household.id)?.[outcome.id];
      const kind = recorded === undefined ? undefined : kindOf.get(recorded);
      if (household.vacant || kind === 'vacant') vacant++;
      else if (kind === 'visited') visited++;
      else if (kind === 'no_answer') noAnswer++;
      else if (kind === 'refused') refused++;
    }
    return {
      id: building.id,
      name: building.name,
      units: building.units,
      floors: building.floors,
      location: building.location ?? null,
      households: { total, toVisit: total - vacant, visited, noAnswer, refused, vacant },
    };
  });
}
