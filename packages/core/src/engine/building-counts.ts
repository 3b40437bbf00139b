import type { HouseholdCounts } from './area-counts.js';
import { addHouseholdCounters } from './contributions.js';
import { HOUSEHOLDS, NO_ANSWER, REFUSED, VACANT, VISITED } from './counter-layout.js';
import type { EngineTerritory } from './engine-territory.js';
import type { RoundState } from './round-state.js';

/** A building's households in a round, through the very contribution an area's counters add up. */
export function buildingHouseholdCounts(territory: EngineTerritory, round: RoundState, building: number): HouseholdCounts {
  const scratch = new Int32Array(round.stride);
  for (const h of territory.householdsOf(building)) {
    addHouseholdCounters(scratch, 0, round.codes, territory.householdWord[h]! & 255, round.householdStamp[h]!, 1);
  }
  const total = scratch[HOUSEHOLDS]!;
  const vacant = scratch[VACANT]!;
  return { total, toVisit: total - vacant, visited: scratch[VISITED]!, noAnswer: scratch[NO_ANSWER]!, refused: scratch[REFUSED]!, vacant };
}
