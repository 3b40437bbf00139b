import type { Migration, MigrationProvider } from 'kysely/migration';
import { initialSchema } from './20261129090000-initial-schema.js';
import { accessSchema } from './20261129120000-access.js';
import { campaignsSchema } from './20261203090000-campaigns.js';
import { archiveSchema } from './20261203170000-archive.js';
import { rosterChangesSchema } from './20261203171000-roster-changes.js';

// Listed in code rather than read from the folder, so the same list works from
// src (tests, tsx) and from dist, and a bundler cannot lose a file.
const MIGRATIONS: Record<string, Migration> = {
  '20261129090000-initial-schema': initialSchema,
  '20261129120000-access': accessSchema,
  '20261203090000-campaigns': campaignsSchema,
  '20261203170000-archive': archiveSchema,
  '20261203171000-roster-changes': rosterChangesSchema,
};

export const migrationProvider: MigrationProvider = {
  async getMigrations() {
    return MIGRATIONS;
  },
};
