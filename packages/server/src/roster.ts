import {
  NUCLEIC_ACID_TEMPLATE,
  Territory,
  validateArea,
  validateBuilding,
  validateHousehold,
  validateMember,
  validateRound,
  validateSweepEvent,
  type Area,
  type Building,
  type CampaignTemplate,
  type Household,
  type Member,
  type Round,
  type SweepEvent,
  type Validated,
} from '@gridsweep/core';
import { validationFailed } from './errors/api-error.js';
import type { TerritoryRecords, TerritoryRepository } from './repositories/territory-repository.js';
import type { RoundRepository } from './repositories/round-repository.js';

export const TEMPLATES: ReadonlyMap<string, CampaignTemplate> = new Map([[NUCLEIC_ACID_TEMPLATE.id, NUCLEIC_ACID_TEMPLATE]]);

/** Told about every roster record once it is committed, e.g. the counting engine. */
export interface RosterListener {
  areaAdded(area: Area): void;
  buildingAdded(building: Building): void;
  householdAdded(household: Household): void;
  memberAdded(member: Member): void;
  roundOpened(round: Round): void;
}

/**
 * The roster held in memory beside the database: validation of writes and of
 * every sweep event needs fast look-ups (does this household exist, whose is
 * this member), which one query per event would make the ingest's bottleneck.
 * The database stays the source of truth: a write is committed first and then
 * mirrored here.
 */
/** A committed roster write, as it is passed on to other server processes. */
export interface RosterWrite {
  readonly records?: TerritoryRecords;
  readonly round?: Round;
}

export class Roster {
  readonly territory = new Territory();
  private readonly rounds = new Map<string, Round>();
  private readonly listeners: RosterListener[] = [];
  private readonly writeListeners = new Set<(write: RosterWrite) => void>();

  constructor(
    private readonly territoryRepository: TerritoryRepository,
    private readonly roundRepository: RoundRepository,
  ) {}

  listen(listener: RosterListener): void {
    this.listeners.push(listener);
  }

  /** Reads the stored roster into memory; called once at start. */
  async load(): Promise<void> {
    this.mirror(await this.territoryRepository.all());
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

  /**
   * A write another process committed to the shared database: mirrored here,
   * skipping what this process already has, so hearing it twice is harmless.
   */
  applyRemote(write: RosterWrite): void {
    const { records, round } = write;
    if (records) {
      const t = this.territory;
      this.mirror({
        areas: records.areas?.filter((area) => !t.area(area.id)),
        buildings: records.buildings?.filter((building) => !t.building(building.id)),
        households: records.households?.filter((household) => !t.household(household.id)),
        members: records.members?.filter((member) => !t.member(member.id)),
      });
    }
    if (round && !this.rounds.has(round.id)) this.mirrorRound(round);
  }

  round(id: string): Round | undefined {
    return this.rounds.get(id);
  }

  allRounds(): Round[] {
    return [...this.rounds.values()];
  }

  templateOf(round: Round): CampaignTemplate {
    return TEMPLATES.get(round.templateId) ?? NUCLEIC_ACID_TEMPLATE;
  }

  validateEvent(input: unknown, path: string): Validated<SweepEvent> {
    return validateSweepEvent(
      input,
      {
        templateOfRound: (roundId) => {
          const round = this.rounds.get(roundId);
          return round && this.templateOf(round);
        },
        territory: this.territory,
        now: Date.now(),
      },
      path,
    );
  }

  async addArea(input: unknown): Promise<Area> {
    const area = checked(validateArea(input, this.territory));
    await this.territoryRepository.load({ areas: [area] });
    this.mirror({ areas: [area] });
    this.announce({ records: { areas: [area] } });
    return area;
  }

  async addBuilding(input: unknown): Promise<Building> {
    const building = checked(validateBuilding(input, this.territory));
    await this.territoryRepository.load({ buildings: [building] });
    this.mirror({ buildings: [building] });
    this.announce({ records: { buildings: [building] } });
    return building;
  }

  async addHousehold(input: unknown): Promise<Household> {
    const household = checked(validateHousehold(input, this.territory));
    await this.territoryRepository.load({ households: [household] });
    this.mirror({ households: [household] });
    this.announce({ records: { households: [household] } });
    return household;
  }

  async addMember(input: unknown): Promise<Member> {
    const tags = NUCLEIC_ACID_TEMPLATE.specialGroups.map((group) => group.id);
    const member = checked(validateMember(input, this.territory, tags));
    await this.territoryRepository.load({ members: [member] });
    this.mirror({ members: [member] });
    this.announce({ records: { members: [member] } });
    return member;
  }

  async addRound(input: unknown): Promise<Round> {
    const round = checked(
      validateRound(input, {
        templateIds: [...TEMPLATES.keys()],
        areaExists: (id) => this.territory.areaLevel(id) !== undefined,
        roundExists: (id) => this.rounds.has(id),
      }),
    );
    await this.roundRepository.insert(round);
    this.mirrorRound(round);
    this.announce({ round });
    return round;
  }

  private mirror(records: TerritoryRecords): void {
    for (const area of records.areas ?? []) {
      this.territory.addArea(area);
      for (const listener of this.listeners) listener.areaAdded(area);
    }
    for (const building of records.buildings ?? []) {
      this.territory.addBuilding(building);
      for (const listener of this.listeners) listener.buildingAdded(building);
    }
    for (const household of records.households ?? []) {
      this.territory.addHousehold(household);
      for (const listener of this.listeners) listener.householdAdded(household);
    }
    for (const member of records.members ?? []) {
      this.territory.addMember(member);
      for (const listener of this.listeners) listener.memberAdded(member);
    }
  }

  private announce(write: RosterWrite): void {
    for (const listener of this.writeListeners) listener(write);
  }

  private mirrorRound(round: Round): void {
    this.rounds.set(round.id, round);
    for (const listener of this.listeners) listener.roundOpened(round);
  }
}

function checked<T>(result: Validated<T>): T {
  if (!result.ok) throw validationFailed(result.issues);
  return result.value;
}
