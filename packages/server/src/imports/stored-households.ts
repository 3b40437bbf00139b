import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

export interface StoredMember {
  readonly id: string;
  readonly phone: string | null;
  readonly birthYear: number | null;
  readonly tags: readonly string[];
}

export interface StoredHousehold {
  readonly id: string;
  readonly floor: number;
  readonly vacant: boolean;
  /** By name: a roster names a household's members, it has no ids for them. */
  readonly members: ReadonlyMap<string, StoredMember>;
}

export function householdKey(buildingId: string, unit: number, room: string): string {
  return `${buildingId}\u0000${unit}\u0000${room}`;
}

/**
 * The stored households of the buildings a file names, read a building at a
 * time when the file first names it: a roster sorted by building (as
 * registers are) touches each building once.
 */
export class StoredHouseholds {
  private readonly loaded = new Set<string>();
  private readonly households = new Map<string, StoredHousehold>();

  constructor(private readonly db: Kysely<Database>) {}

  async find(buildingId: string, unit: number, room: string): Promise<StoredHousehold | undefined> {
    if (!this.loaded.has(buildingId)) await this.load(buildingId);
    return this.households.get(householdKey(buildingId, unit, room));
  }

  private async load(buildingId: string): Promise<void> {
    this.loaded.add(buildingId);
    const rows = await this.db
      .selectFrom('households')
      .leftJoin('members', 'members.household_id', 'households.id')
      .select([
        'households.id as household_id',
        'households.unit',
        'households.room',
        'households.floor',
        'households.vacant',
        'members.id as member_id',
        'members.name',
        'members.phone',
        'members.birth_year',
        'members.tags',
      ])
      .where('households.building_id', '=', buildingId)
      .execute();
    for (const row of rows) {
      const key = householdKey(buildingId, row.unit, row.room);
      let household = this.households.get(key);
      if (!household) {
        household = { id: row.household_id, floor: row.floor, vacant: row.vacant, members: new Map() };
        this.households.set(key, household);
      }
      if (row.member_id !== null && row.name !== null) {
        (household.members as Map<string, StoredMember>).set(row.name, { id: row.member_id, phone: row.phone, birthYear: row.birth_year, tags: row.tags ?? [] });
      }
    }
  }
}
