import { outlineIssue } from './territory-outline.js';
import {
  validateArea,
  validateBuilding,
  validateHousehold,
  validateMember,
  validateRound,
  validateSweepEvent,
  type Area,
  type Building,
  type CountingEngine,
  type Household,
  type Member,
  type Round,
  type SweepEvent,
  type TerritoryLookup,
  type Validated,
} from '@gridsweep/core';
import { ArchiveMarks } from './archive-marks.js';
import type { Campaign, CampaignCatalogue } from './campaigns/campaign-catalogue.js';
import { ApiError, validationFailed } from './errors/api-error.js';
import type { ArchiveMark } from './repositories/archive-repository.js';
import type { CallerScope } from './ingest/event-ingest.js';
import type { RoundRepository } from './repositories/round-repository.js';
import type { TerritoryRecords, TerritoryRepository } from './repositories/territory-repository.js';
import { RosterTerritory } from './roster-territory.js';

/** What may change of a stored round. */
export interface RoundChange {
  readonly name?: string;
  readonly templateVersion?: number;
  readonly rulesId?: string;
  readonly rulesVersion?: number;
}

/** Stored members and households an import changed: what the counting engine needs of them. */
export interface RosterChanges {
  readonly members?: readonly { readonly id: string; readonly tags: readonly string[]; readonly birthYear: number | null }[];
  readonly households?: readonly { readonly id: string; readonly vacant: boolean }[];
  /** Members a field worker marked moved out: they no longer count. */
  readonly movedOut?: readonly string[];
}

/** A committed roster write, as it is passed on to other server processes. */
export interface RosterWrite {
  readonly records?: TerritoryRecords;
  readonly changes?: RosterChanges;
  readonly round?: Round;
  readonly archive?: ArchiveMark;
}

/**
 * The roster held in memory beside the database: validation of writes and of
 * every sweep event needs fast look-ups (does this household exist, whose is
 * this member), which one query per event would make the ingest's bottleneck.
 * Households and members live only in the counting engine's arrays (see
 * RosterTerritory). The database stays the source of truth: a write is
 * committed first and then mirrored here.
 */
export class Roster {
  readonly territory: RosterTerritory;
  /** Archived rounds and areas: kept, but left out of lists and walls and refused new work. */
  readonly archive = new ArchiveMarks();
  private readonly rounds = new Map<string, Round>();
  private readonly writeListeners = new Set<(write: RosterWrite) => void>();
  private readonly roundListeners = new Set<(round: Round) => void>();
  private readonly areaListeners = new Set<() => void>();

  constructor(
    private readonly engine: CountingEngine,
    readonly catalogue: CampaignCatalogue,
    private readonly territoryRepository: TerritoryRepository,
    private readonly roundRepository: RoundRepository,
  ) {
    this.territory = new RosterTerritory(engine, this.archive);
  }

  /** Reads the stored roster into memory a page at a time, then opens the stored rounds; called once at start. */
  async load(onProgress: (loaded: { households: number; members: number }) => void = () => {}): Promise<void> {
    for (const area of await this.territoryRepository.areasParentsFirst()) this.territory.addArea(area);
    for await (const buildings of this.territoryRepository.buildingPages()) for (const building of buildings) this.territory.addBuilding(building);
    for await (const page of this.territoryRepository.householdPages()) {
      for (const household of page.households) this.engine.addHousehold(household);
      for (const member of page.members) this.engine.addMember(member);
      for (const memberId of page.movedOut) this.engine.removeMember(memberId);
      onProgress(this.engine.size);
    }
    for (const round of await this.roundRepository.all()) this.mirrorRound(round);
  }

  /** Bulk-loads trusted records (a generated city) into the database, then into memory. */
  async loadTerritory(records: TerritoryRecords): Promise<void> {
    await this.territoryRepository.load(records);
    this.mirror(records);
    this.announce({ records });
  }

  /** Hears every write this process commits (not the start-up load); returns the function that stops it. */
  onWrite(listener: (write: RosterWrite) => void): () => void {
    this.writeListeners.add(listener);
    return () => this.writeListeners.delete(listener);
  }

  /** Hears that areas were added or archived, on this process or another (map tiles are cut from them). */
  onAreasAdded(listener: () => void): void {
    this.areaListeners.add(listener);
  }

  /** Hears every round opened after start, on this process or another. */
  onRound(listener: (round: Round) => void): void {
    this.roundListeners.add(listener);
  }

  /**
   * A write another process committed to the shared database: mirrored here,
   * skipping what this process already has, so hearing it twice is harmless.
   */
  applyRemote(write: RosterWrite): void {
    const { records, changes, round } = write;
    if (records) {
      const t = this.territory;
      this.mirror({
        areas: records.areas?.filter((area) => !t.area(area.id)),
        buildings: records.buildings?.filter((building) => !t.hasBuilding(building.id)),
        households: records.households?.filter((household) => !t.hasHousehold(household.id)),
        members: records.members?.filter((member) => t.memberHousehold(member.id) === undefined),
      });
    }
    if (changes) this.mirrorChanges(changes);
    if (write.archive) this.mirrorArchive(write.archive);
    if (round) {
      const known = this.rounds.get(round.id);
      if (!known) this.mirrorRound(round);
      else this.replaceRound(known, round);
    }
  }

  round(id: string): Round | undefined {
    return this.rounds.get(id);
  }

  allRounds(): Round[] {
    return [...this.rounds.values()];
  }

  /** The template and rules a round is counted and shown by. */
  campaignOf(round: Round): Campaign {
    return this.catalogue.campaignOf(round);
  }

  /** Checks an event against the whole roster, or only what a caller's scope holds. */
  validateEvent(input: unknown, path: string, caller?: CallerScope): Validated<SweepEvent> {
    return validateSweepEvent(
      input,
      {
        templateOfRound: (roundId) => {
          const round = this.rounds.get(roundId);
          if (caller && !caller.roundVisible(roundId)) return undefined;
          return round && this.catalogue.campaignOf(round).template;
        },
        territory: caller?.territory ?? this.territory,
        now: Date.now(),
      },
      path,
    );
  }

  /** Marks read from the database at start: taken as they are, passed on to no one. */
  loadArchive(marks: readonly ArchiveMark[]): void {
    for (const mark of marks) this.mirrorArchive(mark);
  }

  /** An archive mark committed to the database by this process: mirrored here and passed on. */
  applyArchive(mark: ArchiveMark): void {
    this.mirrorArchive(mark);
    this.announce({ archive: mark });
  }

  async addArea(input: unknown, lookup: TerritoryLookup = this.territory): Promise<Area> {
    const area = checked(validateArea(input, lookup));
    this.refuseUnderArchived(area.parentId);
    const outline = outlineIssue(area, (id) => this.territory.area(id));
    if (outline) throw validationFailed([outline]);
    await this.territoryRepository.load({ areas: [area] });
    this.mirror({ areas: [area] });
    this.announce({ records: { areas: [area] } });
    return area;
  }

  async addBuilding(input: unknown, lookup: TerritoryLookup = this.territory): Promise<Building> {
    const building = checked(validateBuilding(input, lookup));
    this.refuseUnderArchived(building.areaId);
    await this.territoryRepository.load({ buildings: [building] });
    this.mirror({ buildings: [building] });
    this.announce({ records: { buildings: [building] } });
    return building;
  }

  async addHousehold(input: unknown, lookup: TerritoryLookup = this.territory): Promise<Household> {
    const household = checked(validateHousehold(input, lookup));
    await this.territoryRepository.load({ households: [household] });
    this.mirror({ households: [household] });
    this.announce({ records: { households: [household] } });
    return household;
  }

  async addMember(input: unknown, lookup: TerritoryLookup = this.territory): Promise<Member> {
    const member = checked(validateMember(input, lookup, this.engine.specialGroupIds));
    await this.territoryRepository.load({ members: [member] });
    this.mirror({ members: [member] });
    this.announce({ records: { members: [member] } });
    return member;
  }

  /** Mirrors what an import or a field roster change committed (each wrote the database itself, in one transaction) and passes it on. */
  applyImport(records: TerritoryRecords, changes: RosterChanges = {}): void {
    this.mirror(records);
    this.mirrorChanges(changes);
    this.announce({ records, changes });
  }

  async addRound(input: unknown, lookup: TerritoryLookup = this.territory): Promise<Round> {
    const round = checked(
      validateRound(input, {
        ...this.catalogue.roundContext(),
        areaExists: (id) => lookup.areaLevel(id) !== undefined,
        roundExists: (id) => this.rounds.has(id),
      }),
    );
    this.refuseUnderArchived(round.areaId);
    await this.roundRepository.insert(round);
    this.mirrorRound(round);
    this.announce({ round });
    return round;
  }

  /**
   * Renames a round, or points it at other template or rules versions while
   * nothing has been counted under the ones it names: figures must always be
   * readable against what made them. Other rules left without a version are
   * their latest.
   */
  async updateRound(round: Round, change: RoundChange, hasEvents: boolean): Promise<Round> {
    if (this.archive.isRoundArchived(round.id)) throw new ApiError('ROUND_ARCHIVED');
    const context = this.catalogue.roundContext();
    const rulesVersion = change.rulesVersion ?? (change.rulesId === undefined ? round.rulesVersion : context.latestRulesVersion(change.rulesId));
    const next: Round = { ...round, ...change, rulesVersion: rulesVersion ?? 0 };
    const campaignChanged = next.templateVersion !== round.templateVersion || next.rulesId !== round.rulesId || next.rulesVersion !== round.rulesVersion;
    if (campaignChanged && hasEvents) throw new ApiError('ROUND_LOCKED');
    if (!context.templateExists(next.templateId, next.templateVersion)) {
      throw validationFailed([{ field: 'templateVersion', reason: `no template ${next.templateId} version ${next.templateVersion} is stored` }]);
    }
    const rulesTemplate = context.rulesTemplate(next.rulesId, next.rulesVersion);
    if (rulesTemplate !== next.templateId) {
      const field = change.rulesVersion === undefined ? 'rulesId' : 'rulesVersion';
      throw validationFailed([{ field, reason: `no rules ${next.rulesId} version ${next.rulesVersion} for template ${next.templateId} are stored` }]);
    }
    await this.roundRepository.update(next);
    this.replaceRound(round, next);
    this.announce({ round: next });
    return next;
  }

  private mirror(records: TerritoryRecords): void {
    for (const area of records.areas ?? []) this.territory.addArea(area);
    if ((records.areas?.length ?? 0) > 0) for (const listener of this.areaListeners) listener();
    for (const building of records.buildings ?? []) this.territory.addBuilding(building);
    for (const household of records.households ?? []) this.engine.addHousehold(household);
    for (const member of records.members ?? []) this.engine.addMember(member);
  }

  private mirrorChanges(changes: RosterChanges): void {
    for (const member of changes.members ?? []) {
      if (this.territory.memberHousehold(member.id) !== undefined) this.engine.updateMember(member.id, { tags: member.tags, birthYear: member.birthYear });
    }
    for (const household of changes.households ?? []) {
      if (this.territory.hasHousehold(household.id)) this.engine.setHouseholdVacant(household.id, household.vacant);
    }
    for (const memberId of changes.movedOut ?? []) {
      if (this.territory.memberHousehold(memberId) !== undefined && !this.engine.memberRemoved(memberId)) this.engine.removeMember(memberId);
    }
  }

  private refuseUnderArchived(areaId: string | null): void {
    if (areaId !== null && this.archive.isAreaArchived(areaId)) throw new ApiError('AREA_ARCHIVED', {}, `The area ${areaId} is archived: nothing new goes under it.`);
  }

  private mirrorArchive(mark: ArchiveMark): void {
    this.archive.set(mark);
    if (mark.kind === 'area') for (const listener of this.areaListeners) listener();
  }

  private announce(write: RosterWrite): void {
    for (const listener of this.writeListeners) listener(write);
  }

  /** A changed round; the engine counts it by its new template version from now on (it has counted nothing yet). */
  private replaceRound(known: Round, next: Round): void {
    this.rounds.set(next.id, next);
    if (next.templateVersion !== known.templateVersion) this.engine.changeRound(next);
  }

  private mirrorRound(round: Round): void {
    this.rounds.set(round.id, round);
    this.engine.openRound(round);
    for (const listener of this.roundListeners) listener(round);
  }
}

function checked<T>(result: Validated<T>): T {
  if (!result.ok) throw validationFailed(result.issues);
  return result.value;
}
