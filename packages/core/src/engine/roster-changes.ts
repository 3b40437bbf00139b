import type { Household, Member } from '../territory/entities.js';
import { invariant } from '../validation/invariant.js';
import { INFO_DEPARTED } from './contributions.js';
import type { EngineRounds } from './engine-rounds.js';
import { MEMBER_KEY_SPAN, VACANT_BIT, type EngineTerritory, type MemberSlotOwner } from './engine-territory.js';
import { birthInfo } from './member-info.js';

/**
 * Changes to the roster after loading — a household or member added, a
 * member's groups changed or moved out, a building moved, a flat found
 * vacant — each taking the household's contribution out of every round's
 * counts and putting it back, so counts follow at once.
 */
export class RosterChanges {
  /** Every round's member stamps follow the roster's slot layout. */
  private readonly memberSlots: MemberSlotOwner;

  constructor(
    private readonly territory: EngineTerritory,
    private readonly rounds: EngineRounds,
  ) {
    this.memberSlots = {
      reserveMemberSlots: (length) => rounds.states.forEach((round) => round.reserveMemberSlots(length)),
      moveMemberSlots: (from, to, length) => rounds.states.forEach((round) => round.moveMemberSlots(from, to, length)),
      clearMemberSlot: (slot) => rounds.states.forEach((round) => round.clearMemberSlot(slot)),
    };
  }

  addHousehold(household: Pick<Household, 'id' | 'buildingId' | 'vacant'> & Partial<Household>): void {
    const t = this.territory;
    invariant(!t.householdIndex.has(household.id), 'household id', 'an unused id', household.id);
    const building = t.buildingIndex.get(household.buildingId);
    invariant(building !== undefined, `building of household ${household.id}`, 'an existing building', household.buildingId);
    const h = t.appendHousehold(building, household.vacant);
    t.indexHousehold(household.id, h);
    this.rounds.reserve();
    this.rounds.states.forEach((round, i) => {
      round.householdStamp[h] = 0;
      this.rounds.deltas[i]!.whole(h, 1);
      this.rounds.deltas[i]!.flush(t.leafOfHousehold(h), 1);
    });
  }

  /** `mask`: the member's special groups as the engine's tag bits. */
  addMember(member: Pick<Member, 'id' | 'householdId' | 'birthYear'>, mask: number): void {
    const t = this.territory;
    invariant(!t.memberIndex.has(member.id), 'member id', 'an unused id', member.id);
    const h = t.householdIndex.get(member.householdId);
    invariant(h !== undefined, `household of member ${member.id}`, 'an existing household', member.householdId);
    this.changeHousehold(h, () => {
      const { ordinal, slot } = t.appendMemberSlot(h, this.memberSlots);
      t.tagMember(h, ordinal, mask);
      t.setInfo(slot, birthInfo(member.birthYear));
      t.memberIndex.add(member.id, h * MEMBER_KEY_SPAN + ordinal);
    });
  }

  /** `mask` and `birthYear` left undefined stay as they are. */
  updateMember(memberId: string, mask: number | undefined, birthYear: number | null | undefined): void {
    const { household, ordinal, slot } = this.memberAt(memberId, 'member to update');
    const t = this.territory;
    if (t.infoOf(slot) === INFO_DEPARTED) return;
    this.changeHousehold(household, () => {
      if (mask !== undefined) t.tagMember(household, ordinal, mask);
      if (birthYear !== undefined) t.setInfo(slot, birthInfo(birthYear));
    });
  }

  removeMember(memberId: string): void {
    const { household, slot } = this.memberAt(memberId, 'member to remove');
    this.changeHousehold(household, () => this.territory.setInfo(slot, INFO_DEPARTED));
  }

  memberRemoved(memberId: string): boolean {
    const { slot } = this.memberAt(memberId, 'member');
    return this.territory.infoOf(slot) === INFO_DEPARTED;
  }

  moveBuilding(buildingId: string, newAreaId: string): void {
    const t = this.territory;
    const building = t.buildingIndex.get(buildingId);
    invariant(building !== undefined, 'building to move', 'an existing building', buildingId);
    const target = t.leafArea(newAreaId, `new area of building ${buildingId}`);
    const source = t.buildingArea[building]!;
    if (source === target) return;
    const households = t.householdsOf(building);
    this.rounds.deltas.forEach((delta) => {
      for (const h of households) delta.whole(h, 1);
      const moved = delta.save();
      delta.restore(moved);
      delta.flush(source, -1);
      delta.restore(moved);
      delta.flush(target, 1);
    });
    t.buildingArea[building] = target;
  }

  setHouseholdVacant(householdId: string, vacant: boolean): void {
    const t = this.territory;
    const h = t.householdIndex.get(householdId);
    invariant(h !== undefined, 'household to mark', 'an existing household', householdId);
    this.changeHousehold(h, () => {
      if (vacant) t.householdWord[h]! |= VACANT_BIT;
      else t.householdWord[h]! &= ~VACANT_BIT;
    });
  }

  private memberAt(memberId: string, what: string): { household: number; ordinal: number; slot: number } {
    const key = this.territory.memberIndex.get(memberId);
    invariant(key !== undefined, what, 'an existing member', memberId);
    const household = Math.floor(key / MEMBER_KEY_SPAN);
    const ordinal = key % MEMBER_KEY_SPAN;
    return { household, ordinal, slot: this.territory.firstSlot(household) + ordinal };
  }

  /** Takes a household's contribution out of every round, changes the roster, and puts it back. */
  private changeHousehold(household: number, change: () => void): void {
    const before = this.rounds.deltas.map((delta) => {
      delta.whole(household, -1);
      return delta.save();
    });
    change();
    this.rounds.reserve();
    const leaf = this.territory.leafOfHousehold(household);
    this.rounds.deltas.forEach((delta, i) => {
      delta.restore(before[i]!);
      delta.whole(household, 1);
      delta.flush(leaf, 1);
    });
  }
}
