import type { TerritoryLookup } from '../territory/territory.js';
import { MEMBER_KEY_SPAN, VACANT_BIT, type EngineTerritory } from './engine-territory.js';

/**
 * The engine's roster answered by id: what validation and access checks ask
 * of every event (does this household exist, whose is this member, in which
 * micro-grid), from the engine's own arrays rather than a second copy.
 */
export class EngineRoster implements TerritoryLookup {
  constructor(private readonly territory: EngineTerritory) {}

  get levels(): TerritoryLookup['levels'] {
    return this.territory.levels;
  }

  areaLevel(areaId: string): string | undefined {
    const area = this.territory.areaIndex.get(areaId);
    return area === undefined ? undefined : this.territory.levels[this.territory.areaDepth[area]!]!.id;
  }

  areaParent(areaId: string): string | null | undefined {
    const area = this.territory.areaIndex.get(areaId);
    if (area === undefined) return undefined;
    const parent = this.territory.areaParent[area]!;
    return parent < 0 ? null : this.territory.areaIds[parent]!;
  }

  hasBuilding(buildingId: string): boolean {
    return this.territory.buildingIndex.has(buildingId);
  }

  hasHousehold(householdId: string): boolean {
    return this.territory.householdIndex.has(householdId);
  }

  memberHousehold(memberId: string): string | undefined {
    const key = this.territory.memberIndex.get(memberId);
    return key === undefined ? undefined : this.territory.householdIndex.idAt(Math.floor(key / MEMBER_KEY_SPAN));
  }

  /** The building a household is in. */
  householdBuilding(householdId: string): string | undefined {
    const h = this.territory.householdIndex.get(householdId);
    return h === undefined ? undefined : this.territory.buildingIndex.idAt(this.territory.householdWord[h]! >>> 8);
  }

  /** The micro-grid (leaf area) a building stands in. */
  buildingArea(buildingId: string): string | undefined {
    const b = this.territory.buildingIndex.get(buildingId);
    return b === undefined ? undefined : this.territory.areaIds[this.territory.buildingArea[b]!]!;
  }

  /** The micro-grid a household lies in. */
  householdArea(householdId: string): string | undefined {
    const h = this.territory.householdIndex.get(householdId);
    return h === undefined ? undefined : this.territory.areaIds[this.territory.leafOfHousehold(h)]!;
  }

  /** The ids of a building's households, in the order they were added. */
  householdsOfBuilding(buildingId: string): string[] {
    const b = this.territory.buildingIndex.get(buildingId);
    if (b === undefined) return [];
    return Array.from(this.territory.householdsOf(b), (h) => this.territory.householdIndex.idAt(h));
  }

  /** Whether the roster marks the household vacant. */
  householdVacant(householdId: string): boolean | undefined {
    const h = this.territory.householdIndex.get(householdId);
    return h === undefined ? undefined : (this.territory.householdWord[h]! & VACANT_BIT) !== 0;
  }
}
