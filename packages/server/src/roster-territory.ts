import type { Area, Building, CountingEngine, Levels, TerritoryLookup } from '@gridsweep/core';
import { ArchiveMarks } from './archive-marks.js';

function pushTo<K, V>(index: Map<K, V[]>, key: K, value: V): void {
  const list = index.get(key);
  if (list) list.push(value);
  else index.set(key, [value]);
}

/**
 * The roster as this process holds it: areas and buildings as records (a city
 * has tens of thousands of each, and maps and lists need their names and
 * places), households and members only as the counting engine's ids and
 * structure. Names, phones, rooms are read from the database when a page asks
 * (see docs/decisions/0045). Archived areas are kept for look-ups by id but
 * left out of `roots` and `children`, so every list, map and wall built by
 * walking the tree leaves them out (docs/decisions/0047).
 */
export class RosterTerritory implements TerritoryLookup {
  private readonly areas = new Map<string, Area>();
  private readonly childAreas = new Map<string | null, string[]>();
  private readonly buildings = new Map<string, Building>();
  private readonly areaBuildings = new Map<string, string[]>();

  constructor(
    private readonly engine: CountingEngine,
    readonly archive: ArchiveMarks = new ArchiveMarks(),
  ) {}

  get levels(): Levels {
    return this.engine.levels;
  }

  addArea(area: Area): void {
    this.engine.addArea(area);
    this.areas.set(area.id, area);
    pushTo(this.childAreas, area.parentId, area.id);
  }

  addBuilding(building: Building): void {
    this.engine.addBuilding(building);
    this.buildings.set(building.id, building);
    pushTo(this.areaBuildings, building.areaId, building.id);
  }

  area(id: string): Area | undefined {
    return this.areas.get(id);
  }

  roots(): Area[] {
    return this.idsToAreas(this.childAreas.get(null));
  }

  children(areaId: string): Area[] {
    return this.idsToAreas(this.childAreas.get(areaId));
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

  areaLevel(areaId: string): string | undefined {
    return this.areas.get(areaId)?.level;
  }

  building(id: string): Building | undefined {
    return this.buildings.get(id);
  }

  buildingsOf(areaId: string): Building[] {
    return (this.areaBuildings.get(areaId) ?? []).map((id) => this.buildings.get(id)!);
  }

  hasBuilding(buildingId: string): boolean {
    return this.buildings.has(buildingId);
  }

  hasHousehold(householdId: string): boolean {
    return this.engine.roster.hasHousehold(householdId);
  }

  memberHousehold(memberId: string): string | undefined {
    return this.engine.roster.memberHousehold(memberId);
  }

  householdBuilding(householdId: string): string | undefined {
    return this.engine.roster.householdBuilding(householdId);
  }

  /** The micro-grid a household lies in. */
  householdArea(householdId: string): string | undefined {
    return this.engine.roster.householdArea(householdId);
  }

  /** Whether the roster marks a household vacant, undefined when there is no such household. */
  householdVacant(householdId: string): boolean | undefined {
    return this.engine.roster.householdVacant(householdId);
  }

  /** The ids of a building's households. */
  householdIdsOf(buildingId: string): string[] {
    return this.engine.roster.householdsOfBuilding(buildingId);
  }

  get size(): { areas: number; buildings: number; households: number; members: number } {
    const { households, members } = this.engine.size;
    return { areas: this.areas.size, buildings: this.buildings.size, households, members };
  }

  private idsToAreas(ids: readonly string[] | undefined): Area[] {
    return (ids ?? []).filter((id) => !this.archive.isAreaArchived(id)).map((id) => this.areas.get(id)!);
  }
}
