import type { Area, Building, Household, Member } from '@gridsweep/core';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { areaFromRow, buildingFromRow, householdFromRow, jsonOrNull, memberFromRow } from './row-mapping.js';
import { bulkInsert, type BulkColumn } from './unnest-insert.js';

/** A whole territory or a slice of it, parents before children within each list. */
export interface TerritoryRecords {
  readonly areas?: readonly Area[];
  readonly buildings?: readonly Building[];
  readonly households?: readonly Household[];
  readonly members?: readonly Member[];
}

const AREA_COLUMNS: readonly BulkColumn<Area>[] = [
  { name: 'id', type: 'text', value: (a) => a.id },
  { name: 'parent_id', type: 'text', value: (a) => a.parentId },
  { name: 'level', type: 'text', value: (a) => a.level },
  { name: 'name', type: 'text', value: (a) => a.name },
  { name: 'geometry', type: 'jsonb', value: (a) => jsonOrNull(a.geometry) },
];

const BUILDING_COLUMNS: readonly BulkColumn<Building>[] = [
  { name: 'id', type: 'text', value: (b) => b.id },
  { name: 'area_id', type: 'text', value: (b) => b.areaId },
  { name: 'name', type: 'text', value: (b) => b.name },
  { name: 'units', type: 'integer', value: (b) => b.units },
  { name: 'floors', type: 'integer', value: (b) => b.floors },
  { name: 'location', type: 'jsonb', value: (b) => jsonOrNull(b.location) },
];

/** How a household is written in bulk: also by the roster import. */
export const HOUSEHOLD_COLUMNS: readonly BulkColumn<Household>[] = [
  { name: 'id', type: 'text', value: (h) => h.id },
  { name: 'building_id', type: 'text', value: (h) => h.buildingId },
  { name: 'unit', type: 'integer', value: (h) => h.unit },
  { name: 'floor', type: 'integer', value: (h) => h.floor },
  { name: 'room', type: 'text', value: (h) => h.room },
  { name: 'vacant', type: 'boolean', value: (h) => h.vacant },
];

/** How a member is written in bulk: also by the roster import. */
export const MEMBER_COLUMNS: readonly BulkColumn<Member>[] = [
  { name: 'id', type: 'text', value: (m) => m.id },
  { name: 'household_id', type: 'text', value: (m) => m.householdId },
  { name: 'name', type: 'text', value: (m) => m.name },
  { name: 'phone', type: 'text', value: (m) => m.phone ?? null },
  { name: 'birth_year', type: 'integer', value: (m) => m.birthYear ?? null },
  { name: 'tags', type: 'jsonb', value: (m) => JSON.stringify(m.tags) },
];

const BULK_LOAD_ROWS = 10_000;

/** One page of the start-up load: households and, in household order, their members. */
export interface HouseholdPage {
  readonly households: readonly Pick<Household, 'id' | 'buildingId' | 'vacant'>[];
  readonly members: readonly Pick<Member, 'id' | 'householdId' | 'birthYear' | 'tags'>[];
  /** Members of the page a field worker marked moved out: loaded, then taken out of the counts, as when they left. */
  readonly movedOut: readonly string[];
}

/** The roster in the database: bulk and single writes, and the reads the API serves. */
export class TerritoryRepository {
  /**
   * @param afterBulkLoad runs after a load of many rows. On PGlite it is a
   *   CHECKPOINT: PGlite checkpoints in the server's own thread, and one
   *   falling in the middle of an ingest would hold every request for seconds.
   */
  constructor(
    private readonly db: Kysely<Database>,
    private readonly afterBulkLoad: () => Promise<void> = async () => {},
  ) {}

  /**
   * Writes a territory in one transaction, a few array-parameter statements per
   * table: a generated city of 60 000 households loads in seconds. Records are
   * trusted (from a generator or already validated); a broken reference fails
   * the whole load and writes nothing.
   */
  async load(records: TerritoryRecords): Promise<void> {
    await this.db.transaction().execute(async (tx) => {
      await bulkInsert(tx, 'areas', AREA_COLUMNS, records.areas ?? []);
      await bulkInsert(tx, 'buildings', BUILDING_COLUMNS, records.buildings ?? []);
      await bulkInsert(tx, 'households', HOUSEHOLD_COLUMNS, records.households ?? []);
      await bulkInsert(tx, 'members', MEMBER_COLUMNS, records.members ?? []);
    });
    const rows = [records.areas, records.buildings, records.households, records.members].reduce((sum, list) => sum + (list?.length ?? 0), 0);
    if (rows >= BULK_LOAD_ROWS) await this.afterBulkLoad();
  }

  async isEmpty(): Promise<boolean> {
    const row = await this.db.selectFrom('areas').select('id').limit(1).executeTakeFirst();
    return row === undefined;
  }

  async area(id: string): Promise<Area | undefined> {
    const row = await this.db.selectFrom('areas').selectAll().where('id', '=', id).executeTakeFirst();
    return row && areaFromRow(row);
  }

  /** Areas filtered by level and/or parent (parentId null means the roots), ordered by id. */
  async areas(filter: { level?: string; parentId?: string | null }): Promise<Area[]> {
    let query = this.db.selectFrom('areas').selectAll().orderBy('id');
    if (filter.level !== undefined) query = query.where('level', '=', filter.level);
    if (filter.parentId === null) query = query.where('parent_id', 'is', null);
    else if (filter.parentId !== undefined) query = query.where('parent_id', '=', filter.parentId);
    return (await query.execute()).map(areaFromRow);
  }

  /** Areas of one level inside an area's subtree (the area itself included when it has that level). */
  async areasWithin(withinId: string, level: string): Promise<Area[]> {
    const rows = await this.db
      .withRecursive('subtree(id)', (db) =>
        db
          .selectFrom('areas')
          .select('id')
          .where('id', '=', withinId)
          .unionAll(db.selectFrom('areas').select('areas.id').innerJoin('subtree', 'subtree.id', 'areas.parent_id')),
      )
      .selectFrom('areas')
      .innerJoin('subtree', 'subtree.id', 'areas.id')
      .selectAll('areas')
      .where('areas.level', '=', level)
      .orderBy('areas.id')
      .execute();
    return rows.map(areaFromRow);
  }

  async building(id: string): Promise<Building | undefined> {
    const row = await this.db.selectFrom('buildings').selectAll().where('id', '=', id).executeTakeFirst();
    return row && buildingFromRow(row);
  }

  async buildingsOf(areaId: string): Promise<Building[]> {
    const rows = await this.db.selectFrom('buildings').selectAll().where('area_id', '=', areaId).orderBy('id').execute();
    return rows.map(buildingFromRow);
  }

  async householdsOf(buildingId: string): Promise<Household[]> {
    const rows = await this.db
      .selectFrom('households')
      .selectAll()
      .where('building_id', '=', buildingId)
      .orderBy('unit')
      .orderBy('floor')
      .orderBy('room')
      .execute();
    return rows.map(householdFromRow);
  }

  async membersOfBuilding(buildingId: string): Promise<Member[]> {
    const rows = await this.db
      .selectFrom('members')
      .innerJoin('households', 'households.id', 'members.household_id')
      .selectAll('members')
      .where('households.building_id', '=', buildingId)
      .where('members.moved_out_at', 'is', null)
      .orderBy('members.id')
      .execute();
    return rows.map(memberFromRow);
  }

  /** Every area, parents before children, for rebuilding the in-memory roster at start. */
  async areasParentsFirst(): Promise<Area[]> {
    return orderParentsFirst((await this.db.selectFrom('areas').selectAll().execute()).map(areaFromRow));
  }

  /** Every building, a page at a time in id order. */
  async *buildingPages(pageSize = 20_000): AsyncGenerator<Building[]> {
    let after = '';
    for (;;) {
      const rows = await this.db.selectFrom('buildings').selectAll().where('id', '>', after).orderBy('id').limit(pageSize).execute();
      if (rows.length === 0) return;
      after = rows[rows.length - 1]!.id;
      yield rows.map(buildingFromRow);
      if (rows.length < pageSize) return;
    }
  }

  /**
   * Every household with its members, a page of households at a time in id
   * order, with only what the counting engine keeps: the start-up load of a
   * city holds one page of rows at a time, never the whole roster as objects.
   */
  async *householdPages(pageSize = 20_000): AsyncGenerator<HouseholdPage> {
    let after = '';
    for (;;) {
      const households = await this.db.selectFrom('households').select(['id', 'building_id', 'vacant']).where('id', '>', after).orderBy('id').limit(pageSize).execute();
      if (households.length === 0) return;
      const first = households[0]!.id;
      const last = households[households.length - 1]!.id;
      const members = await this.db
        .selectFrom('members')
        .select(['id', 'household_id', 'birth_year', 'tags', 'moved_out_at'])
        .where('household_id', '>=', first)
        .where('household_id', '<=', last)
        .orderBy('household_id')
        .orderBy('id')
        .execute();
      after = last;
      yield {
        households: households.map((row) => ({ id: row.id, buildingId: row.building_id, vacant: row.vacant })),
        members: members.map((row) => ({ id: row.id, householdId: row.household_id, birthYear: row.birth_year, tags: row.tags })),
        movedOut: members.filter((row) => row.moved_out_at !== null).map((row) => row.id),
      };
      if (households.length < pageSize) return;
    }
  }

  /** Households with their rooms, as a door list shows them. */
  async households(ids: readonly string[]): Promise<Household[]> {
    if (ids.length === 0) return [];
    const rows = await this.db.selectFrom('households').selectAll().where('id', 'in', ids).execute();
    return rows.map(householdFromRow);
  }

  async member(id: string): Promise<Member | undefined> {
    const row = await this.db.selectFrom('members').selectAll().where('id', '=', id).executeTakeFirst();
    return row && memberFromRow(row);
  }

  /** Everything, for tools that want the whole roster as records (the demo's simulator). */
  async all(): Promise<Required<TerritoryRecords>> {
    const [areas, buildings, households, members] = await Promise.all([
      this.db.selectFrom('areas').selectAll().execute(),
      this.db.selectFrom('buildings').selectAll().execute(),
      this.db.selectFrom('households').selectAll().execute(),
      this.db.selectFrom('members').selectAll().execute(),
    ]);
    return {
      areas: orderParentsFirst(areas.map(areaFromRow)),
      buildings: buildings.map(buildingFromRow),
      households: households.map(householdFromRow),
      members: members.map(memberFromRow),
    };
  }
}

/** Sorts areas so that every parent comes before its children, whatever order the rows came in. */
function orderParentsFirst(areas: Area[]): Area[] {
  const children = new Map<string | null, Area[]>();
  for (const area of areas) {
    const list = children.get(area.parentId);
    if (list) list.push(area);
    else children.set(area.parentId, [area]);
  }
  const ordered: Area[] = [];
  const queue = [...(children.get(null) ?? [])];
  for (let i = 0; i < queue.length; i++) {
    const area = queue[i]!;
    ordered.push(area);
    queue.push(...(children.get(area.id) ?? []));
  }
  return ordered;
}
