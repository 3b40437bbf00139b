import { addHouseholdCounters, addMemberCounters, addVisitState, EVERYONE, householdVisited, inPopulation } from './contributions.js';
import { REACHED } from './counter-layout.js';
import { MEMBER_KEY_SPAN, TAGGED_BIT, type EngineTerritory } from './engine-territory.js';
import type { RoundState } from './round-state.js';

/**
 * The difference one change makes to its micro-grid's counters in one round,
 * gathered in a scratch array and then added to the micro-grid and every
 * ancestor: O(depth) times the few counters that moved.
 */
export class CountsDelta {
  private readonly values: Int32Array;
  private readonly moved: Int32Array;

  constructor(
    private readonly territory: EngineTerritory,
    private readonly round: RoundState,
  ) {
    this.values = new Int32Array(round.codes.stride);
    this.moved = new Int32Array(round.codes.stride);
  }

  /** A household's outcome stamp goes from `old` to `next`. */
  household(household: number, old: number, next: number): void {
    const { values, territory, round } = this;
    const codes = round.codes;
    const word = territory.householdWord[household]!;
    const info = word & 255;
    addHouseholdCounters(values, 0, codes, info, old, -1);
    addHouseholdCounters(values, 0, codes, info, next, 1);
    const wasVisited = householdVisited(codes, info, old);
    const isVisited = householdVisited(codes, info, next);
    if (wasVisited === isVisited) return;
    const members = territory.memberCountOf(household);
    if ((word & TAGGED_BIT) === 0 && territory.memberInfo === null && round.populationLimit === EVERYONE) {
      // Everyone counts and nobody has a group: the members' only change is being reached or not.
      values[REACHED]! += isVisited ? members : -members;
      return;
    }
    const first = territory.firstSlot(household);
    for (let k = 0; k < members; k++) {
      if (!inPopulation(territory.infoOf(first + k), round.populationLimit)) continue;
      const mask = (word & TAGGED_BIT) === 0 ? 0 : territory.tags.get(household * MEMBER_KEY_SPAN + k);
      addVisitState(values, 0, codes, wasVisited, mask, -1);
      addVisitState(values, 0, codes, isVisited, mask, 1);
    }
  }

  /** The stamp of the member at `slot` (ordinal `ordinal` of the household) goes from `old` to `next`. */
  member(household: number, ordinal: number, slot: number, old: number, next: number): void {
    const { territory, round } = this;
    if (!inPopulation(territory.infoOf(slot), round.populationLimit)) return;
    const tagged = (territory.householdWord[household]! & TAGGED_BIT) !== 0;
    const mask = tagged ? territory.tags.get(household * MEMBER_KEY_SPAN + ordinal) : 0;
    addMemberCounters(this.values, 0, round.codes, old, mask, -1);
    addMemberCounters(this.values, 0, round.codes, next, mask, 1);
  }

  /** Everything a household and its members contribute in the round, times `sign`. */
  whole(household: number, sign: number): void {
    const { values, territory, round } = this;
    const codes = round.codes;
    const word = territory.householdWord[household]!;
    const stamp = round.householdStamp[household]!;
    addHouseholdCounters(values, 0, codes, word & 255, stamp, sign);
    const visited = householdVisited(codes, word & 255, stamp);
    const first = territory.firstSlot(household);
    for (let k = 0; k < territory.memberCountOf(household); k++) {
      if (!inPopulation(territory.infoOf(first + k), round.populationLimit)) continue;
      const mask = (word & TAGGED_BIT) === 0 ? 0 : territory.tags.get(household * MEMBER_KEY_SPAN + k);
      addMemberCounters(values, 0, codes, round.memberStamp[first + k]!, mask, sign);
      addVisitState(values, 0, codes, visited, mask, sign);
    }
  }

  /** A copy of the gathered difference, to finish later with `restore` (a roster change is measured before and after). */
  save(): Int32Array {
    const copy = this.values.slice();
    this.values.fill(0);
    return copy;
  }

  restore(saved: Int32Array): void {
    this.values.set(saved);
  }

  /** Adds sign × the gathered difference to `leaf` and its ancestors, then clears it. */
  flush(leaf: number, sign: number): void {
    const { values, moved, round } = this;
    const stride = round.codes.stride;
    let count = 0;
    for (let i = 0; i < stride; i++) if (values[i] !== 0) moved[count++] = i;
    if (count === 0) return;
    const parents = this.territory.areaParent;
    const counts = round.counts;
    for (let area = leaf; area !== -1; area = parents[area]!) {
      round.touch(area);
      const offset = area * stride;
      for (let j = 0; j < count; j++) {
        const i = moved[j]!;
        counts[offset + i]! += sign * values[i]!;
      }
    }
    for (let j = 0; j < count; j++) values[moved[j]!] = 0;
  }
}
