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
 * The stored households of the area imported into, with their members, read
 * in one pass before the import writes anything. Reading a building at a time
 * as rows named it was slower the more the import had written: inside the
 * import's transaction the planner still takes the tables for the size they
 * had, and scanned them whole for every building.
 */
export class StoredHouseholds {
  private loaded: Promise<void> | undefined;
  private readonly households = new Map<string, StoredHousehold>();

  constructor(
    private readonly db: Kysely<Database>,
    private readonly areaIds: readonly string[],
  ) {}

  async find(buildingId: string, unit: number, room: string): Promise<StoredHousehold | undefined> {
    this.loaded ??= this.load();
    await this.loaded;
    return this.households.get(householdKey(buildingId, unit, room));
  }

  private async load(): Promise<void> {
    for (let start = 0; start < this.areaIds.length; start += 5000) {
      const rows = await this.db
        .selectFrom('households')
        .innerJoin('buildings', 'buildings.id', 'households.building_id')
        .leftJoin('members', 'members.household_id', 'households.id')
        .select([
          'households.id as household_id',
          'households.building_id',
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
        .where('buildings.area_id', 'in', this.areaIds.slice(start, start + 5000))
        .execute();
      for (const row of rows) {
        const key = householdKey(row.building_id, row.unit, row.room);
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
}
