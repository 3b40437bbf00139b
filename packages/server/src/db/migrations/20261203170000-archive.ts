import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

// Frozen once released: later changes go into a new, later-named migration.

/**
 * Rounds and areas can be archived by an administrator (docs/decisions/0047):
 * the mark is when, in milliseconds since the epoch like `starts_at`; null
 * while they are in use. Who did it and why is in the audit log.
 */
export const archiveSchema: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema.alterTable('rounds').addColumn('archived_at', 'bigint').execute();
    await db.schema.alterTable('areas').addColumn('archived_at', 'bigint').execute();
  },

  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.alterTable('areas').dropColumn('archived_at').execute();
    await db.schema.alterTable('rounds').dropColumn('archived_at').execute();
  },
};
