import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openStorage, type StorageOptions } from '../../src/db/open-database.js';

/**
 * The databases every storage test runs on: PGlite always, the real
 * PostgreSQL when DATABASE_URL is set (CI sets it). Each `fresh()` gives an
 * empty database of its own (a temporary folder, or a schema with a unique
 * name) and `dispose()` removes it, so runs never see each other's rows.
 */
export interface TestDialect {
  readonly name: 'pglite' | 'postgres';
  fresh(): Promise<{ options: StorageOptions; dispose: () => Promise<void> }>;
}

let pgliteTemplate: Promise<string> | undefined;

/** A migrated, empty PGlite folder made once per test file: copying it is much faster than initdb for every test. */
function migratedPgliteFolder(): Promise<string> {
  pgliteTemplate ??= (async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'gridsweep-template-'));
    const storage = await openStorage({ kind: 'pglite', dataDir });
    await storage.close();
    return dataDir;
  })();
  return pgliteTemplate;
}

const pglite: TestDialect = {
  name: 'pglite',
  async fresh() {
    const dataDir = mkdtempSync(join(tmpdir(), 'gridsweep-test-'));
    cpSync(await migratedPgliteFolder(), dataDir, { recursive: true });
    return { options: { kind: 'pglite', dataDir }, dispose: async () => rmSync(dataDir, { recursive: true, force: true }) };
  },
};

function postgres(url: string): TestDialect {
  return {
    name: 'postgres',
    async fresh() {
      const schema = `test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
      return {
        options: { kind: 'postgres', url, schema, poolSize: 4 },
        dispose: async () => {
          const client = new pg.Client({ connectionString: url });
          await client.connect();
          try {
            await client.query(`drop schema if exists ${schema} cascade`);
          } finally {
            await client.end();
          }
        },
      };
    },
  };
}

export const DIALECTS: readonly TestDialect[] = process.env.DATABASE_URL ? [pglite, postgres(process.env.DATABASE_URL)] : [pglite];
