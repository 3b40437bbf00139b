import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

// Frozen once released: later changes go into a new, later-named migration.

export const initialSchema: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('areas')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('parent_id', 'text', (c) => c.references('areas.id'))
      .addColumn('level', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('geometry', 'jsonb')
      .execute();
    await db.schema.createIndex('areas_parent_idx').on('areas').column('parent_id').execute();
    await db.schema.createIndex('areas_level_idx').on('areas').column('level').execute();

    await db.schema
      .createTable('buildings')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('area_id', 'text', (c) => c.notNull().references('areas.id'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('units', 'integer', (c) => c.notNull())
      .addColumn('floors', 'integer', (c) => c.notNull())
      .addColumn('location', 'jsonb')
      .execute();
    await db.schema.createIndex('buildings_area_idx').on('buildings').column('area_id').execute();

    await db.schema
      .createTable('households')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('building_id', 'text', (c) => c.notNull().references('buildings.id'))
      .addColumn('unit', 'integer', (c) => c.notNull())
      .addColumn('floor', 'integer', (c) => c.notNull())
      .addColumn('room', 'text', (c) => c.notNull())
      .addColumn('vacant', 'boolean', (c) => c.notNull().defaultTo(false))
      .execute();
    await db.schema.createIndex('households_building_idx').on('households').column('building_id').execute();

    await db.schema
      .createTable('members')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('household_id', 'text', (c) => c.notNull().references('households.id'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('phone', 'text')
      .addColumn('birth_year', 'integer')
      .addColumn('tags', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
      .execute();
    await db.schema.createIndex('members_household_idx').on('members').column('household_id').execute();

    await db.schema
      .createTable('rounds')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('template_id', 'text', (c) => c.notNull())
      .addColumn('area_id', 'text', (c) => c.notNull().references('areas.id'))
      .addColumn('starts_at', 'bigint', (c) => c.notNull())
      .execute();

    // The event log is append-only. Its references are checked by validation
    // before the insert rather than by foreign keys, which would cost every
    // ingest a lookup per event for something already known to hold.
    await db.schema
      .createTable('events')
      .addColumn('seq', 'bigint', (c) => c.generatedAlwaysAsIdentity().notNull().unique())
      .addColumn('id', 'uuid', (c) => c.primaryKey())
      .addColumn('round_id', 'text', (c) => c.notNull())
      .addColumn('worker_id', 'text', (c) => c.notNull())
      .addColumn('household_id', 'text', (c) => c.notNull())
      .addColumn('member_id', 'text')
      .addColumn('device_time', 'bigint', (c) => c.notNull())
      .addColumn('values', 'jsonb', (c) => c.notNull())
      .addColumn('content_hash', 'text', (c) => c.notNull())
      .addColumn('received_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .execute();
    await db.schema.createIndex('events_round_household_idx').on('events').columns(['round_id', 'household_id']).execute();
  },

  async down(db: Kysely<unknown>): Promise<void> {
    for (const table of ['events', 'rounds', 'members', 'households', 'buildings', 'areas']) {
      await db.schema.dropTable(table).execute();
    }
  },
};
