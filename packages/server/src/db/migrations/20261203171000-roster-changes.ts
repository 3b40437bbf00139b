import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

// Frozen once released: later changes go into a new, later-named migration.

/**
 * Roster writes made in the field (a member added at the door, one moved
 * out) are kept as a log keyed by the id the phone made, like events, so a
 * retry is recognised; a member moved out stays in `members` (the event log
 * names them) and is marked with when.
 */
export const rosterChangesSchema: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('roster_changes')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('household_id', 'text', (c) => c.notNull())
      .addColumn('member_id', 'text', (c) => c.notNull())
      .addColumn('worker_id', 'text', (c) => c.notNull())
      .addColumn('device_time', 'bigint', (c) => c.notNull())
      .addColumn('content_hash', 'text', (c) => c.notNull())
      .addColumn('received_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .execute();
    await db.schema.createIndex('roster_changes_household_idx').on('roster_changes').column('household_id').execute();
    await db.schema.alterTable('members').addColumn('moved_out_at', 'bigint').execute();
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.alterTable('members').dropColumn('moved_out_at').execute();
    await db.schema.dropTable('roster_changes').execute();
  },
};
