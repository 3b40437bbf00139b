import { addHouseholdCounters, addMemberCounters, addNotVisited, householdVisited } from './contributions.js';
import { COUNT_MASK, MEMBER_KEY_SPAN, TAGGED_BIT, type EngineTerritory } from './engine-territory.js';
import type { RoundState } from './round-state.js';
import type { TemplateCodes } from './template-codes.js';

/**
 * Every area's counters for a round, computed afresh from the stamps: each
 * household and member adds its contribution to its micro-grid, then areas
 * add into their parents, deepest level first. Households are visited in
 * index order, so member slots and the sorted tag list are both read forward.
 * Returns a new array the size of the round's current one; the round is not changed.
 */
export function recountRound(territory: EngineTerritory, codes: TemplateCodes, round: RoundState): Int32Array {
  const stride = round.stride;
  const counts = new Int32Array(round.counts.length);
  const { householdCount, householdWord, buildingArea, blockStart, tags } = territory;
  const householdStamp = round.householdStamp;
  const memberStamp = round.memberStamp;
  const tagKeys = tags.keys;
  const tagMasks = tags.masks;
  let tag = 0;
  for (let first = 0; first < householdCount; first += 8) {
    let slot = blockStart[first >>> 3]!;
    const end = Math.min(first + 8, householdCount);
    for (let h = first; h < end; h++) {
      const word = householdWord[h]!;
      const offset = buildingArea[word >>> 8]! * stride;
      const stamp = householdStamp[h]!;
      addHouseholdCounters(counts, offset, codes, word & 255, stamp, 1);
      const members = word & COUNT_MASK;
      if ((word & TAGGED_BIT) === 0) {
        for (let k = 0; k < members; k++) addMemberCounters(counts, offset, codes, memberStamp[slot + k]!, 0, 1);
      } else {
        const visited = householdVisited(codes, word & 255, stamp);
        const firstKey = h * MEMBER_KEY_SPAN;
        while (tag < tags.length && tagKeys[tag]! < firstKey) tag++;
        for (let k = 0; k < members; k++) {
          const mask = tag < tags.length && tagKeys[tag] === firstKey + k ? tagMasks[tag++]! : 0;
          addMemberCounters(counts, offset, codes, memberStamp[slot + k]!, mask, 1);
          if (!visited) addNotVisited(counts, offset, mask, 1);
        }
      }
      slot += members;
    }
  }
  rollUp(territory, counts, stride);
  return counts;
}

/**
 * Recounts the round, notes every area whose counters differ from the
 * incremental ones as changed (so they go out with the next take), swaps the
 * fresh counters in, and returns how many areas differed: 0 when all is well.
 */
export function replaceWithRecount(territory: EngineTerritory, codes: TemplateCodes, round: RoundState): number {
  const fresh = recountRound(territory, codes, round);
  const stride = round.stride;
  let areasChanged = 0;
  for (let area = 0; area < territory.areaCount; area++) {
    const offset = area * stride;
    for (let i = 0; i < stride; i++) {
      if (fresh[offset + i] === round.counts[offset + i]) continue;
      round.touch(area);
      areasChanged++;
      break;
    }
  }
  round.counts = fresh;
  return areasChanged;
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
