import { NUCLEIC_ACID_TEMPLATE, type Household } from '@gridsweep/core';
import type { Kysely } from 'kysely';
import type { Database } from '../../src/db/schema.js';
import { BuildingDirectory } from '../../src/imports/building-directory.js';
import { mapColumns } from '../../src/imports/column-mapping.js';
import { importedId } from '../../src/imports/imported-id.js';
import { ROSTER_FIELDS } from '../../src/imports/roster-fields.js';
import { readRosterRow } from '../../src/imports/roster-row.js';
import { readTable } from '../../src/imports/table-reader.js';
import { TerritoryRepository } from '../../src/repositories/territory-repository.js';

/**
 * The baseline: the first `sample` rows of the same file, read and checked the
 * same way, but each written as the record-at-a-time API writes it (a
 * household, then each member, one statement and one transaction each).
 * Removed afterwards, so the import proper starts from the same database.
 */
export async function oneAtATime(db: Kysely<Database>, path: string, sample: number): Promise<{ rows: number; ms: number }> {
  const repository = new TerritoryRepository(db);
  const directory = await BuildingDirectory.load(db, 'cm');
  const households = new Map<string, Household>();
  let headers: readonly string[] | undefined;
  let mapping = {};
  let rows = 0;
  const started = performance.now();
  for await (const { row, cells } of readTable(path)) {
    if (!headers) {
      headers = cells;
      mapping = mapColumns(cells, ROSTER_FIELDS, row).mapping;
      continue;
    }
    if (rows >= sample) break;
    const read = readRosterRow(row, cells, { mapping, headers, groups: NUCLEIC_ACID_TEMPLATE.specialGroups, thisYear: 2026 });
    if (Array.isArray(read)) throw new Error(`row ${row}: ${read[0]!.reason}`);
    const building = directory.find(read.building, read.community);
    if ('reason' in building) throw new Error(building.reason);
    const key = `${building.id}|${read.unit}|${read.room}`;
    let household = households.get(key);
    if (!household) {
      household = { id: importedId('h', building.id, read.unit, read.room), buildingId: building.id, unit: read.unit, floor: read.floor, room: read.room, vacant: false };
      households.set(key, household);
      await repository.load({ households: [household] });
    }
    await repository.load({ members: [{ id: importedId('m', household.id, read.name), householdId: household.id, name: read.name, phone: read.phone, birthYear: read.birthYear, tags: read.tags }] });
    rows++;
  }
  const ms = performance.now() - started;
  const ids = [...households.values()].map((h) => h.id);
  await db.deleteFrom('members').where('household_id', 'in', ids).execute();
  await db.deleteFrom('households').where('id', 'in', ids).execute();
  return { rows, ms };
}
