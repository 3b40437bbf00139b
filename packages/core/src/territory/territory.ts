import { invariant } from '../validation/invariant.js';
import type { Area, Building, Household, Member } from './entities.js';
import { DEFAULT_LEVELS, leafLevel, levelIndex, type Levels } from './levels.js';

/** What validation needs to know about a territory to check references. */
export interface TerritoryLookup {
  readonly levels: Levels;
  areaLevel(areaId: string): string | undefined;
  hasBuilding(buildingId: string): boolean;
  hasHousehold(householdId: string): boolean;
  /** The household a member belongs to, or undefined if there is no such member. */
  memberHousehold(memberId: string): string | undefined;
}

function pushTo<K, V>(index: Map<K, V[]>, key: K, value: V): void {
  const list = index.get(key);
  if (list) list.push(value);
  else index.set(key, [value]);
}

/**
 * The roster: the area tree with its buildings, households and members,
 * indexed for lookups. Adding something that breaks the tree's shape is a
 * programming error and throws; check untrusted input with the validators first.
 */
export class Territory implements TerritoryLookup {
  private readonly areas = new Map<string, Area>();
  private readonly buildings = new Map<string, Building>();
  private readonly households = new Map<string, Household>();
  private readonly members = new Map<string, Member>();
  private readonly childAreas = new Map<string | null, string[]>();
  private readonly areaBuildings = new Map<string, string[]>();
  private readonly buildingHouseholds = new Map<string, string[]>();
  private readonly householdMembers = new Map<string, string[]>();

  constructor(readonly levels: Levels = DEFAULT_LEVELS) {}

  addArea(area: Area): void {
    invariant(!this.areas.has(area.id), 'area id', 'an unused id', area.id);
    const depth = levelIndex(this.levels, area.level);
    invariant(depth >= 0, `level of area ${area.id}`, this.levels.map((l) => l.id).join('|'), area.level);
    if (area.parentId === null) {
      invariant(depth === 0, `level of root area ${area.id}`, this.levels[0]?.id, area.level);
    } else {
      const parent = this.areas.get(area.parentId);
      invariant(parent !== undefined, `parent of area ${area.id}`, 'an existing area', area.parentId);
      const expected = this.levels[levelIndex(this.levels, parent.level) + 1]?.id;
      invariant(area.level === expected, `level of area ${area.id} under ${parent.id}`, expected, area.level);
    }
    this.areas.set(area.id, area);
    pushTo(this.childAreas, area.parentId, area.id);
  }

  addBuilding(building: Building): void {
    invariant(!this.buildings.has(building.id), 'building id', 'an unused id', building.id);
    const area = this.areas.get(building.areaId);
    invariant(area !== undefined, `area of building ${building.id}`, 'an existing area', building.areaId);
    const leaf = leafLevel(this.levels).id;
    invariant(area.level === leaf, `level of the area holding building ${building.id}`, leaf, area.level);
    this.buildings.set(building.id, building);
    pushTo(this.areaBuildings, building.areaId, building.id);
  }

  addHousehold(household: Household): void {
    invariant(!this.households.has(household.id), 'household id', 'an unused id', household.id);
    invariant(
      this.buildings.has(household.buildingId),
      `building of household ${household.id}`,
      'an existing building',
      household.buildingId,
    );
    this.households.set(household.id, household);
    pushTo(this.buildingHouseholds, household.buildingId, household.id);
  }

  addMember(member: Member): void {
    invariant(!this.members.has(member.id), 'member id', 'an unused id', member.id);
    invariant(
      this.households.has(member.householdId),
      `household of member ${member.id}`,
      'an existing household',
      member.householdId,
    );
    this.members.set(member.id, member);
    pushTo(this.householdMembers, member.householdId, member.id);
  }

  area(id: string): Area | undefined {
    return this.areas.get(id);
  }

  building(id: string): Building | undefined {
    return this.buildings.get(id);
  }

  household(id: string): Household | undefined {
    return this.households.get(id);
  }

  member(id: string): Member | undefined {
    return this.members.get(id);
  }

  roots(): Area[] {
    return this.idsToAreas(this.childAreas.get(null));
  }

  children(areaId: string): Area[] {
    return this.idsToAreas(this.childAreas.get(areaId));
  }

  buildingsOf(areaId: string): Building[] {
    return (this.areaBuildings.get(areaId) ?? []).map((id) => this.buildings.get(id)!);
  }

  householdsOf(buildingId: string): Household[] {
    return (this.buildingHouseholds.get(buildingId) ?? []).map((id) => this.households.get(id)!);
  }

  membersOf(householdId: string): Member[] {
    return (this.householdMembers.get(householdId) ?? []).map((id) => this.members.get(id)!);
  }

  /** The area's ancestors, nearest first, ending at the root. */
  ancestors(areaId: string): Area[] {
    const chain: Area[] = [];
    let parentId = this.areas.get(areaId)?.parentId ?? null;
    while (parentId !== null) {
      const parent = this.areas.get(parentId)!;
      chain.push(parent);
      parentId = parent.parentId;
    }
    return chain;
  }

  get size(): { areas: number; buildings: number; households: number; members: number } {
    return {
      areas: this.areas.size,
      buildings: this.buildings.size,
      households: this.households.size,
      members: this.members.size,
    };
  }

  areaLevel(areaId: string): string | undefined {
    return this.areas.get(areaId)?.level;
  }

  hasBuilding(buildingId: string): boolean {
    return this.buildings.has(buildingId);
  }

  householdBuilding(householdId: string): string | undefined {
    return this.households.get(householdId)?.buildingId;
  }

  hasHousehold(householdId: string): boolean {
    return this.households.has(householdId);
  }

  memberHousehold(memberId: string): string | undefined {
    return this.members.get(memberId)?.householdId;
  }

  private idsToAreas(ids: readonly string[] | undefined): Area[] {
    return (ids ?? []).map((id) => this.areas.get(id)!);
  }
}
