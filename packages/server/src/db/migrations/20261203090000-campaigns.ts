import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

// Frozen once released: later changes go into a new, later-named migration.

/**
 * Campaign templates, counting rules and territory levels become stored,
 * versioned data; a round names the template and rules versions it is
 * counted by. Rounds stored before this were nucleic-acid rounds under the
 * default rules, version 1.
 */
export const campaignsSchema: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('campaign_templates')
      .addColumn('id', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('document', 'jsonb', (c) => c.notNull())
      .addColumn('created_by', 'text')
      .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .addPrimaryKeyConstraint('campaign_templates_pk', ['id', 'version'])
      .execute();
    await db.schema
      .createTable('counting_rules')
      .addColumn('id', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('template_id', 'text', (c) => c.notNull())
      .addColumn('document', 'jsonb', (c) => c.notNull())
      .addColumn('created_by', 'text')
      .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .addPrimaryKeyConstraint('counting_rules_pk', ['id', 'version'])
      .execute();
    await db.schema
      .createTable('territory_levels')
      .addColumn('version', 'integer', (c) => c.primaryKey())
      .addColumn('document', 'jsonb', (c) => c.notNull())
      .addColumn('created_by', 'text')
      .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .execute();
    await db.schema
      .alterTable('rounds')
      .addColumn('template_version', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('rules_id', 'text', (c) => c.notNull().defaultTo('nucleic-acid-default'))
      .addColumn('rules_version', 'integer', (c) => c.notNull().defaultTo(1))
      .execute();
  },

  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.alterTable('rounds').dropColumn('template_version').dropColumn('rules_id').dropColumn('rules_version').execute();
    for (const table of ['territory_levels', 'counting_rules', 'campaign_templates']) await db.schema.dropTable(table).execute();
  },
};
