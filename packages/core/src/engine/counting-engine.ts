import { NUCLEIC_ACID_TEMPLATE } from '../campaign/nucleic-acid-template.js';
import type { Round } from '../campaign/round.js';
import type { CampaignTemplate } from '../campaign/template.js';
import type { SweepEvent } from '../events/sweep-event.js';
import type { Area, Building, Household, Member } from '../territory/entities.js';
import { DEFAULT_LEVELS, type Levels } from '../territory/levels.js';
import { invariant } from '../validation/invariant.js';
import { APPLIED_CHANGED, APPLIED_UNCHANGED, refused, type ApplyResult } from './apply-result.js';
import type { AreaCounts } from './area-counts.js';
import type { AreaCountsChange, AreaCountsDiff } from './area-counts-diff.js';
import { loadBulkTerritory, type BulkTerritory } from './bulk-territory.js';
import { CountsDelta } from './counts-delta.js';
import { counterStride, readAreaCounts } from './counter-layout.js';
import { encodeValues } from './encode-values.js';
import { EngineTerritory, MEMBER_KEY_SPAN, VACANT_BIT, type MemberSlotOwner } from './engine-territory.js';
import { mergeMember, mergeSingle } from './last-writer-wins.js';
import { recountRound, replaceWithRecount } from './recount.js';
import { RoundState } from './round-state.js';
import { tickOf } from './stamp.js';
import { takeRoundChanges } from './take-changes.js';
import { compileTemplate, type TemplateCodes } from './template-codes.js';
import { RecordedValues } from './recorded-values.js';

export interface CountingEngineOptions {
  readonly levels?: Levels;
  readonly template?: CampaignTemplate;
}

/** Bytes of engine state: the typed arrays, plus how many entries its few sparse maps hold. */
export interface EngineMemory {
  readonly typedArrayBytes: number;
  readonly territoryBytes: number;
  readonly roundBytes: number;
  readonly markerTickEntries: number;
  readonly taggedMembers: number;
}

/**
 * Counts a stream of sweep events for every area of the tree at once. State
 * lives in a few typed arrays indexed by dense integers (ids are strings only
 * at this class's edge); an event changes one household's or member's
 * contribution and the difference is added to each ancestor area, O(depth).
 * See docs/decisions/0001-typed-array-engine-state.md.
 *
 * Roster methods throw InvariantError on a broken tree (validate input first);
 * `apply` returns a refusal for events it cannot place.
 */
export class CountingEngine {
  readonly levels: Levels;
  readonly template: CampaignTemplate;
  private readonly codes: TemplateCodes;
  private readonly stride: number;
  private readonly territory: EngineTerritory;
  private readonly rounds: RoundState[] = [];
  private readonly roundIndexById = new Map<string, number>();
  private readonly delta: CountsDelta;
  private readonly recorded: RecordedValues;
  /** Every round's member stamps follow the roster's slot layout. */
  private readonly memberSlots: MemberSlotOwner = {
    reserveMemberSlots: (length) => this.eachRound((round) => round.reserveMemberSlots(length)),
    moveMemberSlots: (from, to, length) => this.eachRound((round) => round.moveMemberSlots(from, to, length)),
    clearMemberSlot: (slot) => this.eachRound((round) => round.clearMemberSlot(slot)),
  };

  constructor(options: CountingEngineOptions = {}) {
    this.levels = options.levels ?? DEFAULT_LEVELS;
    this.template = options.template ?? NUCLEIC_ACID_TEMPLATE;
    this.codes = compileTemplate(this.template);
    this.stride = counterStride(this.codes.tagIds.length);
    this.territory = new EngineTerritory(this.levels);
    this.delta = new CountsDelta(this.territory, this.codes, this.stride);
    this.recorded = new RecordedValues(this.territory, this.codes);
  }

  addArea(area: Area): void {
    this.territory.addArea(area);
    this.reserveRounds();
  }

  addBuilding(building: Building): void {
    this.territory.addBuilding(building);
  }

  addHousehold(household: Household): void {
    const t = this.territory;
    invariant(!t.householdIndex.has(household.id), 'household id', 'an unused id', household.id);
    const building = t.buildingIndex.get(household.buildingId);
    invariant(building !== undefined, `building of household ${household.id}`, 'an existing building', household.buildingId);
    const h = t.appendHousehold(building, household.vacant);
    t.householdIndex.set(household.id, h);
    this.reserveRounds();
    for (const round of this.rounds) {
      round.householdStamp[h] = 0;
      this.delta.whole(round, h, 1);
      this.delta.flush(round, t.leafOfHousehold(h), 1);
    }
  }

  addMember(member: Member): void {
    const t = this.territory;
    invariant(!t.memberIndex.has(member.id), 'member id', 'an unused id', member.id);
    const h = t.householdIndex.get(member.householdId);
    invariant(h !== undefined, `household of member ${member.id}`, 'an existing household', member.householdId);
    let mask = 0;
    for (const tag of member.tags) {
      const bit = this.codes.tagBit.get(tag);
      invariant(bit !== undefined, `tag of member ${member.id}`, this.codes.tagIds.join('|'), tag);
      mask |= 1 << bit;
    }
    const before = this.rounds.map((round) => {
      this.delta.whole(round, h, -1);
      return this.delta.save();
    });
    const { ordinal } = t.appendMemberSlot(h, this.memberSlots);
    t.tagMember(h, ordinal, mask);
    t.memberIndex.set(member.id, h * MEMBER_KEY_SPAN + ordinal);
    this.rounds.forEach((round, i) => {
      this.delta.restore(before[i]!);
      this.delta.whole(round, h, 1);
      this.delta.flush(round, t.leafOfHousehold(h), 1);
    });
  }

  /** Moves a building to another micro-grid; its households' counts move with it. O(households of the city). */
  moveBuilding(buildingId: string, newAreaId: string): void {
    const t = this.territory;
    const building = t.buildingIndex.get(buildingId);
    invariant(building !== undefined, 'building to move', 'an existing building', buildingId);
    const target = t.leafArea(newAreaId, `new area of building ${buildingId}`);
    const source = t.buildingArea[building]!;
    if (source === target) return;
    for (const round of this.rounds) {
      for (let h = 0; h < t.householdCount; h++) if (t.householdWord[h]! >>> 8 === building) this.delta.whole(round, h, 1);
      const moved = this.delta.save();
      this.delta.restore(moved);
      this.delta.flush(round, source, -1);
      this.delta.restore(moved);
      this.delta.flush(round, target, 1);
    }
    t.buildingArea[building] = target;
  }

  setHouseholdVacant(householdId: string, vacant: boolean): void {
    const t = this.territory;
    const h = t.householdIndex.get(householdId);
    invariant(h !== undefined, 'household to mark', 'an existing household', householdId);
    const before = this.rounds.map((round) => {
      this.delta.whole(round, h, -1);
      return this.delta.save();
    });
    if (vacant) t.householdWord[h]! |= VACANT_BIT;
    else t.householdWord[h]! &= ~VACANT_BIT;
    this.rounds.forEach((round, i) => {
      this.delta.restore(before[i]!);
      this.delta.whole(round, h, 1);
      this.delta.flush(round, t.leafOfHousehold(h), 1);
    });
  }

  /** Loads a whole roster into an engine that has no areas yet. */
  loadBulk(bulk: BulkTerritory): void {
    loadBulkTerritory(this.territory, bulk);
    this.reserveRounds();
    for (const round of this.rounds) round.counts = recountRound(this.territory, this.codes, round);
  }

  /** Opens a round for events; its counts start from the roster with nothing recorded. */
  openRound(round: Round): void {
    invariant(!this.roundIndexById.has(round.id), 'round id', 'an unused id', round.id);
    invariant(round.templateId === this.template.id, `template of round ${round.id}`, this.template.id, round.templateId);
    const state = new RoundState(round, this.stride);
    this.roundIndexById.set(round.id, this.rounds.length);
    this.rounds.push(state);
    this.reserveRounds();
    state.counts = recountRound(this.territory, this.codes, state);
  }

  /** Applies a validated event. Idempotent; any order of the same events ends in the same state. */
  apply(event: SweepEvent): ApplyResult {
    const round = this.roundIndexById.get(event.roundId);
    if (round === undefined) return refused('roundId', `no open round has id ${event.roundId}`);
    const household = this.territory.householdIndex.get(event.householdId);
    if (household === undefined) return refused('householdId', `no household has id ${event.householdId}`);
    let ordinal = -1;
    if (event.memberId !== undefined) {
      const key = this.territory.memberIndex.get(event.memberId);
      if (key === undefined) return refused('memberId', `no member has id ${event.memberId}`);
      if (Math.floor(key / MEMBER_KEY_SPAN) !== household) {
        return refused('memberId', `member ${event.memberId} does not belong to household ${event.householdId}`);
      }
      ordinal = key % MEMBER_KEY_SPAN;
    }
    const codes = encodeValues(this.codes, event.values, ordinal >= 0);
    if (typeof codes !== 'number') return refused(codes.field, codes.reason);
    return this.applyDense(round, household, ordinal, event.deviceTime, codes) ? APPLIED_CHANGED : APPLIED_UNCHANGED;
  }

  /**
   * The hot path, by dense indices: `member` is the ordinal within the
   * household or -1 for the household itself; `codes` as `encodeValues` makes
   * them. Returns whether the state changed. Indices are trusted.
   */
  applyDense(roundIndex: number, household: number, member: number, deviceTime: number, codes: number): boolean {
    const round = this.rounds[roundIndex]!;
    const t = this.territory;
    const tick = tickOf(deviceTime, round.origin);
    if (member < 0) {
      const old = round.householdStamp[household]!;
      const next = mergeSingle(old, tick, codes & 15);
      if (next === old) return false;
      round.householdStamp[household] = next;
      if ((next & 255) === (old & 255)) return true;
      this.delta.household(household, old, next);
    } else {
      const slot = t.firstSlot(household) + member;
      const old = round.memberStamp[slot]!;
      const next = mergeMember(old, round.markerTicks, household * MEMBER_KEY_SPAN + member, tick, codes & 15, (codes >>> 4) & 15);
      if (next < 0) return false;
      round.memberStamp[slot] = next;
      if ((next & 255) === (old & 255)) return true;
      this.delta.member(household, member, old, next);
    }
    this.delta.flush(round, t.leafOfHousehold(household), 1);
    return true;
  }

  /** An event's values as the option codes `applyDense` takes, or the field that does not fit the template. */
  encodeValues(values: Readonly<Record<string, string>>, aboutMember: boolean): number | { readonly field: string; readonly reason: string } {
    return encodeValues(this.codes, values, aboutMember);
  }

  roundIndex(roundId: string): number | undefined {
    return this.roundIndexById.get(roundId);
  }

  counts(roundId: string, areaId: string): AreaCounts {
    const round = this.roundState(roundId);
    const area = this.territory.areaIndex.get(areaId);
    invariant(area !== undefined, 'area to count', 'an existing area', areaId);
    return readAreaCounts(round.counts, area * this.stride, this.codes.tagIds);
  }

  /** What is recorded for a household and its members in a round, as field id to option id. */
  householdValues(roundId: string, householdId: string): Readonly<Record<string, string>> | undefined {
    return this.recorded.household(this.roundState(roundId), householdId);
  }

  memberValues(roundId: string, memberId: string): Readonly<Record<string, string>> | undefined {
    return this.recorded.member(this.roundState(roundId), memberId);
  }

  /** The counts that changed since the last call, one squashed change per area. */
  takeChanges(): AreaCountsDiff {
    const diff: Record<string, Record<string, AreaCountsChange>> = {};
    for (const round of this.rounds) {
      const changes = takeRoundChanges(round, this.territory.areaIds, this.codes.tagIds);
      if (changes) diff[round.round.id] = changes;
    }
    return diff;
  }

  /**
   * Recounts a round from its stamps and replaces its counters. Returns how
   * many areas' counters differed from the incremental ones (0 when all is
   * well); those areas appear in the next `takeChanges`.
   */
  recount(roundId: string): { readonly areasChanged: number } {
    return { areasChanged: replaceWithRecount(this.territory, this.codes, this.roundState(roundId)) };
  }

  memory(): EngineMemory {
    const roundBytes = this.rounds.reduce((sum, r) => sum + r.byteLength, 0);
    const territoryBytes = this.territory.byteLength;
    return {
      typedArrayBytes: territoryBytes + roundBytes,
      territoryBytes,
      roundBytes,
      markerTickEntries: this.rounds.reduce((sum, r) => sum + r.markerTicks.size, 0),
      taggedMembers: this.territory.tags.length,
    };
  }

  get size(): { areas: number; buildings: number; households: number; members: number } {
    const t = this.territory;
    return { areas: t.areaCount, buildings: t.buildingCount, households: t.householdCount, members: t.memberCount };
  }

  private roundState(roundId: string): RoundState {
    const index = this.roundIndexById.get(roundId);
    invariant(index !== undefined, 'round', 'an open round', roundId);
    return this.rounds[index]!;
  }

  private eachRound(action: (round: RoundState) => void): void {
    for (const round of this.rounds) action(round);
  }

  private reserveRounds(): void {
    const t = this.territory;
    for (const round of this.rounds) round.reserve(t.areaCount, t.householdCount, t.memberTop);
  }
}
