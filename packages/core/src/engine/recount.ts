import { addHouseholdCounters, addMemberCounters, addVisitState, EVERYONE, householdVisited, inPopulation } from './contributions.js';
import { REACHED } from './counter-layout.js';
import { COUNT_MASK, MEMBER_KEY_SPAN, TAGGED_BIT, VACANT_BIT, type EngineTerritory } from './engine-territory.js';
import type { RoundState } from './round-state.js';
import { invariant } from '../validation/invariant.js';

/**
 * Every area's counters for a round, computed afresh from the stamps: each
 * household and member adds its contribution to its micro-grid, then areas
 * add into their parents, deepest level first. Households are visited in
 * index order, so member slots and the sorted tag list are both read forward.
 * Returns a new array the size of the round's current one; the round is not changed.
 */
export function recountRound(territory: EngineTerritory, round: RoundState): Int32Array {
  const { codes, stride, populationLimit } = round;
  const counts = new Int32Array(round.counts.length);
  const { householdCount, householdWord, buildingArea, blockStart, tags, memberInfo } = territory;
  const householdStamp = round.householdStamp;
  const memberStamp = round.memberStamp;
  const tagKeys = tags.keys;
  const tagMasks = tags.masks;
  const everyone = populationLimit === EVERYONE && memberInfo === null;
  const memberTable = counterTable(256, stride, (scratch, lowByte) => addMemberCounters(scratch, 0, codes, lowByte, 0, 1));
  // Rows 0-15: outcome code of a household not vacant in the roster; rows 16-31: of one that is.
  const householdTable = counterTable(32, stride, (scratch, row) => addHouseholdCounters(scratch, 0, codes, row & 16 ? VACANT_BIT : 0, row & 15, 1));
  let tag = 0;
  for (let first = 0; first < householdCount; first += 8) {
    let slot = blockStart[first >>> 3]!;
    const end = Math.min(first + 8, householdCount);
    for (let h = first; h < end; h++) {
      const word = householdWord[h]!;
      const offset = buildingArea[word >>> 8]! * stride;
      const stamp = householdStamp[h]!;
      const householdRow = ((word & VACANT_BIT) === 0 ? 0 : 48) + (stamp & 15) * 3;
      counts[offset + householdTable[householdRow]!]!++;
      const outcomeCounter = householdTable[householdRow + 1]!;
      if (outcomeCounter >= 0) counts[offset + outcomeCounter]!++;
      const members = word & COUNT_MASK;
      const visited = householdVisited(codes, word & 255, stamp);
      if ((word & TAGGED_BIT) === 0) {
        let reached = everyone ? members : 0;
        for (let k = slot; k < slot + members; k++) {
          if (!everyone) {
            if (!inPopulation(memberInfo === null ? 0 : memberInfo[k]!, populationLimit)) continue;
            reached++;
          }
          const row = (memberStamp[k]! & 255) * 3;
          counts[offset + memberTable[row]!]!++;
          const second = memberTable[row + 1]!;
          if (second >= 0) counts[offset + second]!++;
          const third = memberTable[row + 2]!;
          if (third >= 0) counts[offset + third]!++;
        }
        if (visited) counts[offset + REACHED]! += reached;
      } else {
        const firstKey = h * MEMBER_KEY_SPAN;
        while (tag < tags.length && tagKeys[tag]! < firstKey) tag++;
        for (let k = 0; k < members; k++) {
          const mask = tag < tags.length && tagKeys[tag] === firstKey + k ? tagMasks[tag++]! : 0;
          if (!inPopulation(memberInfo === null ? 0 : memberInfo[slot + k]!, populationLimit)) continue;
          addMemberCounters(counts, offset, codes, memberStamp[slot + k]!, mask, 1);
          addVisitState(counts, offset, codes, visited, mask, 1);
        }
      }
      slot += members;
    }
  }
  rollUp(territory, counts, stride);
  return counts;
}

/**
 * For each of `rows` inputs, the (up to three) counters a contribution adds one
 * to, found by running the contribution itself on a scratch array, so the
 * table cannot disagree with it; -1 pads unused columns.
 */
function counterTable(rows: number, stride: number, contribute: (scratch: Int32Array, row: number) => void): Int8Array {
  const table = new Int8Array(rows * 3).fill(-1);
  const scratch = new Int32Array(stride);
  for (let row = 0; row < rows; row++) {
    scratch.fill(0);
    contribute(scratch, row);
    let column = 0;
    for (let i = 0; i < stride; i++) {
      if (scratch[i] === 0) continue;
      invariant(scratch[i] === 1 && column < 3, 'a contribution without tags', 'at most three counters of one', Array.from(scratch));
      table[row * 3 + column++] = i;
    }
  }
  return table;
}

/**
 * Recounts the round, notes every area whose counters differ from the
 * incremental ones as changed (so they go out with the next take), swaps the
 * fresh counters in, and returns how many areas differed: 0 when all is well.
 */
export function replaceWithRecount(territory: EngineTerritory, round: RoundState): number {
  const fresh = recountRound(territory, round);
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
