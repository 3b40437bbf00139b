import { BUILT_IN_TEMPLATES } from '../campaign/built-in.js';
import type { Round } from '../campaign/round.js';
import type { CampaignTemplate } from '../campaign/template.js';
import type { SweepEvent } from '../events/sweep-event.js';
import type { PackedCountsV3 } from '../live/packed-counts.js';
import type { Area, Building, Household, Member } from '../territory/entities.js';
import { DEFAULT_LEVELS, type Levels } from '../territory/levels.js';
import { invariant } from '../validation/invariant.js';
import { APPLIED_CHANGED, APPLIED_UNCHANGED, refused, type ApplyResult } from './apply-result.js';
import type { AreaCounts, HouseholdCounts } from './area-counts.js';
import type { AreaCountsDiff } from './area-counts-diff.js';
import { loadBulkTerritory, type BulkTerritory } from './bulk-territory.js';
import { readAreaCounts } from './counter-layout.js';
import { encodeValues } from './encode-values.js';
import { EngineRoster } from './engine-roster.js';
import { EngineRounds } from './engine-rounds.js';
import { EngineTerritory, MEMBER_KEY_SPAN } from './engine-territory.js';
import { buildingHouseholdCounts } from './building-counts.js';
import { mergeMember, mergeSingle } from './last-writer-wins.js';
import { packRows } from './pack-rows.js';
import * as recorded from './recorded-values.js';
import { replaceWithRecount } from './recount.js';
import { RosterChanges } from './roster-changes.js';
import type { RoundState } from './round-state.js';
import { tickOf } from './stamp.js';
import { TagVocabulary } from './tag-vocabulary.js';

export interface CountingEngineOptions {
  readonly levels?: Levels;
  /** The templates rounds may use; more can be added with `addTemplate`. Default: the built-in ones. */
  readonly templates?: readonly CampaignTemplate[];
}

/** Bytes of engine state: the typed arrays, plus how many entries its few sparse maps hold. */
export interface EngineMemory {
  readonly typedArrayBytes: number;
  readonly territoryBytes: number;
  readonly roundBytes: number;
  /** The id indexes and the building index: none for a roster loaded without ids. */
  readonly lookupBytes: number;
  readonly markerTickEntries: number;
  readonly taggedMembers: number;
}

/**
 * Counts a stream of sweep events for every area of the tree at once, for
 * rounds of any number of templates. State lives in a few typed arrays
 * indexed by dense integers (ids are strings only at this class's edge); an
 * event changes one household's or member's contribution and the difference
 * is added to each ancestor area, O(depth). See
 * docs/decisions/0001-typed-array-engine-state.md and 0045.
 *
 * Roster methods throw InvariantError on a broken tree (validate input first);
 * `apply` returns a refusal for events it cannot place.
 */
export class CountingEngine {
  /** Lookups by id (does this household exist, whose is this member) for validation and access checks. */
  readonly roster: EngineRoster;
  private readonly tagVocabulary = new TagVocabulary();
  private readonly territory: EngineTerritory;
  private readonly rounds: EngineRounds;
  private readonly changes: RosterChanges;

  constructor(options: CountingEngineOptions = {}) {
    this.territory = new EngineTerritory(options.levels ?? DEFAULT_LEVELS);
    this.roster = new EngineRoster(this.territory);
    this.rounds = new EngineRounds(this.territory, this.tagVocabulary);
    this.changes = new RosterChanges(this.territory, this.rounds);
    for (const template of options.templates ?? BUILT_IN_TEMPLATES) this.addTemplate(template);
  }

  get levels(): Levels {
    return this.territory.levels;
  }

  /** Replaces the levels: with areas in the tree, only their names may change. */
  setLevels(levels: Levels): void {
    const current = this.territory.levels;
    const sameIds = levels.length === current.length && levels.every((level, i) => level.id === current[i]!.id);
    invariant(this.territory.areaCount === 0 || sameIds, 'levels of a territory with areas', current.map((l) => l.id).join('>'), levels.map((l) => l.id).join('>'));
    this.territory.levels = levels;
  }

  /** Makes a template available to rounds; adding the same id and version again changes nothing. */
  addTemplate(template: CampaignTemplate): void {
    this.rounds.addTemplate(template);
  }

  /** The special groups members may carry: those of every template added, in bit order. */
  get specialGroupIds(): readonly string[] {
    return this.tagVocabulary.ids;
  }

  /** The bit mask of a member's tags, as `BulkTerritory.memberTags` takes it; throws for a tag no template names. */
  tagMask(tags: readonly string[]): number {
    const mask = this.tagVocabulary.maskOf(tags);
    invariant(typeof mask === 'number', 'special group', this.tagVocabulary.ids.join('|'), typeof mask === 'number' ? '' : mask.unknown);
    return mask;
  }

  addArea(area: Pick<Area, 'id' | 'parentId' | 'level'> & Partial<Area>): void {
    this.territory.addArea(area);
    this.rounds.reserve();
  }

  addBuilding(building: Pick<Building, 'id' | 'areaId'> & Partial<Building>): void {
    this.territory.addBuilding(building);
  }

  addHousehold(household: Pick<Household, 'id' | 'buildingId' | 'vacant'> & Partial<Household>): void {
    this.changes.addHousehold(household);
  }

  addMember(member: Pick<Member, 'id' | 'householdId' | 'tags' | 'birthYear'> & Partial<Member>): void {
    this.changes.addMember(member, this.tagMask(member.tags));
  }

  /** A member's special groups or year of birth changed in the roster; counts of open rounds follow. */
  updateMember(memberId: string, change: { readonly tags?: readonly string[]; readonly birthYear?: number | null }): void {
    this.changes.updateMember(memberId, change.tags === undefined ? undefined : this.tagMask(change.tags), change.birthYear);
  }

  /** A member left the household (moved out, died): no longer counted in any round; their recorded values are kept. */
  removeMember(memberId: string): void {
    this.changes.removeMember(memberId);
  }

  /** Whether a member has left the household (`removeMember`). */
  memberRemoved(memberId: string): boolean {
    return this.changes.memberRemoved(memberId);
  }

  /** Moves a building to another micro-grid; its households' counts move with it. */
  moveBuilding(buildingId: string, newAreaId: string): void {
    this.changes.moveBuilding(buildingId, newAreaId);
  }

  setHouseholdVacant(householdId: string, vacant: boolean): void {
    this.changes.setHouseholdVacant(householdId, vacant);
  }

  /** Loads a whole roster into an engine that has no areas yet. */
  loadBulk(bulk: BulkTerritory): void {
    loadBulkTerritory(this.territory, bulk);
    this.rounds.reserve();
    this.rounds.recountAll();
  }

  /** Opens a round for events; its counts start from the roster with nothing recorded. */
  openRound(round: Round): void {
    this.rounds.open(round);
  }

  /**
   * Counts a round with nothing recorded by another template version from
   * now on: its counts start again from the roster, and every area with
   * anything to count is reported changed, so live subscribers get them anew.
   */
  changeRound(round: Round): void {
    this.rounds.change(round);
  }

  /** The template a round is counted by. */
  roundTemplate(roundId: string): CampaignTemplate {
    return this.roundState(roundId).codes.template;
  }

  /** Applies a validated event. Idempotent; any order of the same events ends in the same state. */
  apply(event: SweepEvent): ApplyResult {
    const round = this.rounds.index(event.roundId);
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
    const codes = encodeValues(this.rounds.states[round]!.codes, event.values, ordinal >= 0);
    if (typeof codes !== 'number') return refused(codes.field, codes.reason);
    if (codes === 0) return APPLIED_UNCHANGED;
    return this.applyDense(round, household, ordinal, event.deviceTime, codes) ? APPLIED_CHANGED : APPLIED_UNCHANGED;
  }

  /**
   * The hot path, by dense indices: `member` is the ordinal within the
   * household or -1 for the household itself; `codes` as `encodeValues` makes
   * them. Returns whether the state changed. Indices are trusted.
   */
  applyDense(roundIndex: number, household: number, member: number, deviceTime: number, codes: number): boolean {
    const round = this.rounds.states[roundIndex]!;
    const delta = this.rounds.deltas[roundIndex]!;
    const t = this.territory;
    const tick = tickOf(deviceTime, round.origin);
    if (member < 0) {
      const old = round.householdStamp[household]!;
      const next = mergeSingle(old, tick, codes & 15);
      if (next === old) return false;
      round.householdStamp[household] = next;
      if ((next & 255) === (old & 255)) return true;
      delta.household(household, old, next);
    } else {
      const slot = t.firstSlot(household) + member;
      const old = round.memberStamp[slot]!;
      const next = mergeMember(old, round.markerTicks, household * MEMBER_KEY_SPAN + member, tick, codes & 15, (codes >>> 4) & 15);
      if (next < 0) return false;
      round.memberStamp[slot] = next;
      if ((next & 255) === (old & 255)) return true;
      delta.member(household, member, slot, old, next);
    }
    delta.flush(t.leafOfHousehold(household), 1);
    return true;
  }

  /** An event's values as the option codes `applyDense` takes for the round, or the field that does not fit its template. */
  encodeValues(roundIndex: number, values: Readonly<Record<string, string>>, aboutMember: boolean): number | { readonly field: string; readonly reason: string } {
    return encodeValues(this.rounds.states[roundIndex]!.codes, values, aboutMember);
  }

  roundIndex(roundId: string): number | undefined {
    return this.rounds.index(roundId);
  }

  counts(roundId: string, areaId: string): AreaCounts {
    const round = this.roundState(roundId);
    return readAreaCounts(round.counts, this.areaAt(areaId) * round.stride, round.codes);
  }

  /** The counts of areas of one round in the wire format, read straight from the counters. */
  packCounts(roundId: string, areaIds: Iterable<string>): PackedCountsV3 {
    const round = this.roundState(roundId);
    return packRows(round, areaIds, (areaId) => this.areaAt(areaId));
  }

  /** A building's households in a round, counted by the same rules as an area's. */
  buildingCounts(roundId: string, buildingId: string): HouseholdCounts {
    const building = this.territory.buildingIndex.get(buildingId);
    invariant(building !== undefined, 'building to count', 'an existing building', buildingId);
    return buildingHouseholdCounts(this.territory, this.roundState(roundId), building);
  }

  /** What is recorded for a household and its members in a round, counted fields only, as field id to option id. */
  householdValues(roundId: string, householdId: string): Readonly<Record<string, string>> | undefined {
    return recorded.householdValues(this.territory, this.roundState(roundId), householdId);
  }

  memberValues(roundId: string, memberId: string): Readonly<Record<string, string>> | undefined {
    return recorded.memberValues(this.territory, this.roundState(roundId), memberId);
  }

  /** The counts that changed since the last call, one squashed change per area. */
  takeChanges(): AreaCountsDiff {
    return this.rounds.takeChanges();
  }

  /** The ids of the areas whose counts changed since the last take, by round id; no counts are read. */
  takeChangedAreas(): ReadonlyMap<string, readonly string[]> {
    return this.rounds.takeChangedAreas();
  }

  /**
   * Recounts a round from its stamps and replaces its counters. Returns how
   * many areas' counters differed from the incremental ones (0 when all is
   * well); those areas appear in the next take of changes.
   */
  recount(roundId: string): { readonly areasChanged: number } {
    return { areasChanged: replaceWithRecount(this.territory, this.roundState(roundId)) };
  }

  memory(): EngineMemory {
    const roundBytes = this.rounds.byteLength;
    const territoryBytes = this.territory.byteLength;
    return {
      typedArrayBytes: territoryBytes + roundBytes,
      territoryBytes,
      roundBytes,
      lookupBytes: this.territory.lookupBytes,
      markerTickEntries: this.rounds.markerTickEntries,
      taggedMembers: this.territory.tags.length,
    };
  }

  get size(): { areas: number; buildings: number; households: number; members: number } {
    const t = this.territory;
    return { areas: t.areaCount, buildings: t.buildingCount, households: t.householdCount, members: t.memberCount };
  }

  private roundState(roundId: string): RoundState {
    return this.rounds.state(roundId);
  }

  private areaAt(areaId: string): number {
    const area = this.territory.areaIndex.get(areaId);
    invariant(area !== undefined, 'area to count', 'an existing area', areaId);
    return area;
  }

}
