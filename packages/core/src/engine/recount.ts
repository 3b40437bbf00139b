import { addHouseholdPart, addMemberPart } from './contributions.js';
import type { EngineTerritory } from './engine-territory.js';
import { COUNT_MASK } from './engine-territory.js';
import type { RoundState } from './round-state.js';
import type { TemplateCodes } from './template-codes.js';

/**
 * Every area's counters for a round, computed afresh from the stamps: each
 * household and member adds its contribution to its micro-grid, then areas
 * add into their parents, deepest level first. Returns a new array the size of
 * the round's current one; the round is not changed.
 */
export function recountRound(territory: EngineTerritory, codes: TemplateCodes, round: RoundState): Int32Array {
  const stride = round.stride;
  const counts = new Int32Array(round.counts.length);
  const { householdCount, householdInfo, householdBuilding, buildingArea, blockStart } = territory;
  const householdStamp = round.householdStamp;
  const memberStamp = round.memberStamp;
  for (let first = 0; first < householdCount; first += 8) {
    let slot = blockStart[first >>> 3]!;
    const end = Math.min(first + 8, householdCount);
    for (let h = first; h < end; h++) {
      const offset = buildingArea[householdBuilding[h]!]! * stride;
      addHouseholdPart(counts, offset, territory, codes, h, householdStamp[h]!, 1);
      const members = householdInfo[h]! & COUNT_MASK;
      for (let k = 0; k < members; k++) addMemberPart(counts, offset, territory, codes, h, k, memberStamp[slot + k]!, 1);
      slot += members;
    }
  }
  rollUp(territory, counts, stride);
  return counts;
}

function rollUp(territory: EngineTerritory, counts: Int32Array, stride: number): void {
  const byDepth: number[][] = territory.levels.map(() => []);
  for (let area = 0; area < territory.areaCount; area++) byDepth[territory.areaDepth[area]!]!.push(area);
  for (let depth = byDepth.length - 1; depth > 0; depth--) {
    for (const area of byDepth[depth]!) {
      const from = area * stride;
      const to = territory.areaParent[area]! * stride;
      for (let i = 0; i < stride; i++) counts[to + i]! += counts[from + i]!;
    }
  }
}
