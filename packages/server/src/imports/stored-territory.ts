import { DEFAULT_LEVELS, type Area, type Levels } from '@gridsweep/core';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { areaFromRow } from '../repositories/row-mapping.js';

/** The territory's levels as stored (the defaults before any are). */
export async function storedLevels(db: Kysely<Database>): Promise<Levels> {
  const row = await db.selectFrom('territory_levels').select('document').orderBy('version', 'desc').limit(1).executeTakeFirst();
  return (row?.document as Levels | undefined) ?? DEFAULT_LEVELS;
}

/** Every stored area by id: an area import settles parents among them. */
export async function storedAreas(db: Kysely<Database>): Promise<Map<string, Area>> {
  const rows = await db.selectFrom('areas').selectAll().execute();
  return new Map(rows.map((row) => [row.id, areaFromRow(row)]));
}
