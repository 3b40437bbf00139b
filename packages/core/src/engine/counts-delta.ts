import { addHouseholdCounters, addMemberCounters, addNotVisited, householdVisited } from './contributions.js';
import { MEMBER_KEY_SPAN, TAGGED_BIT, type EngineTerritory } from './engine-territory.js';
import type { RoundState } from './round-state.js';
import type { TemplateCodes } from './template-codes.js';

/**
 * The difference one change makes to its micro-grid's counters, gathered in a
 * scratch array and then added to the micro-grid and every ancestor: O(depth)
 * times the few counters that moved.
 */
export class CountsDelta {
  private readonly values: Int32Array;
  private readonly moved: Int32Array;

  constructor(
    private readonly territory: EngineTerritory,
    private readonly codes: TemplateCodes,
    private readonly stride: number,
  ) {
    this.values = new Int32Array(stride);
    this.moved = new Int32Array(stride);
  }

  /** A household's outcome stamp goes from `old` to `next`. */
  household(household: number, old: number, next: number): void {
    const { values, codes, territory } = this;
    const word = territory.householdWord[household]!;
    const info = word & 255;
    addHouseholdCounters(values, 0, codes, info, old, -1);
    addHouseholdCounters(values, 0, codes, info, next, 1);
    if ((word & TAGGED_BIT) === 0) return;
    const wasVisited = householdVisited(codes, info, old);
    if (wasVisited === householdVisited(codes, info, next)) return;
    const tags = territory.tags;
    const end = (household + 1) * MEMBER_KEY_SPAN;
    for (let i = tags.lowerBound(household * MEMBER_KEY_SPAN); i < tags.length && tags.keys[i]! < end; i++) {
      addNotVisited(values, 0, tags.masks[i]!, wasVisited ? 1 : -1);
    }
  }

  /** A member's stamp goes from `old` to `next`. */
  member(household: number, ordinal: number, old: number, next: number): void {
    const territory = this.territory;
    const tagged = (territory.householdWord[household]! & TAGGED_BIT) !== 0;
    const mask = tagged ? territory.tags.get(household * MEMBER_KEY_SPAN + ordinal) : 0;
    addMemberCounters(this.values, 0, this.codes, old, mask, -1);
    addMemberCounters(this.values, 0, this.codes, next, mask, 1);
  }

  /** Everything a household and its members contribute in a round, times `sign`. */
  whole(round: RoundState, household: number, sign: number): void {
    const { values, codes, territory } = this;
    const word = territory.householdWord[household]!;
    const stamp = round.householdStamp[household]!;
    addHouseholdCounters(values, 0, codes, word & 255, stamp, sign);
    const visited = householdVisited(codes, word & 255, stamp);
    const first = territory.firstSlot(household);
    for (let k = 0; k < territory.memberCountOf(household); k++) {
      const mask = (word & TAGGED_BIT) === 0 ? 0 : territory.tags.get(household * MEMBER_KEY_SPAN + k);
      addMemberCounters(values, 0, codes, round.memberStamp[first + k]!, mask, sign);
      if (!visited) addNotVisited(values, 0, mask, sign);
    }
  }

  /** A copy of the gathered difference, to finish later with `restore` (roster changes need one per round). */
  save(): Int32Array {
    const copy = this.values.slice();
    this.values.fill(0);
    return copy;
  }

  restore(saved: Int32Array): void {
    this.values.set(saved);
  }

  /** Adds sign × the gathered difference to `leaf` and its ancestors, then clears it. */
  flush(round: RoundState, leaf: number, sign: number): void {
    const { values, moved, stride } = this;
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
