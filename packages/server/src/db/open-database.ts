import { PGlite } from '@electric-sql/pglite';
import { Kysely, PGliteDialect, PostgresDialect, sql } from 'kysely';
import { Migrator } from 'kysely/migration';
import { mkdirSync } from 'node:fs';
import pg from 'pg';
import { lockDataDir } from './data-dir-lock.js';
import { migrationProvider } from './migrations/index.js';
import type { Database } from './schema.js';

export type StorageKind = 'postgres' | 'pglite';

export type StorageOptions =
  | { readonly kind: 'postgres'; readonly url: string; readonly schema?: string; readonly poolSize?: number }
  | { readonly kind: 'pglite'; readonly dataDir: string };

export interface Storage {
  readonly kind: StorageKind;
  readonly db: Kysely<Database>;
  close(): Promise<void>;
}

const SCHEMA_PATTERN = /^[a-z_][a-z0-9_]{0,62}$/;

async function openPostgres(url: string, schema: string | undefined, poolSize: number): Promise<Kysely<Database>> {
  if (schema !== undefined && !SCHEMA_PATTERN.test(schema)) throw new RangeError(`bad schema name ${schema}`);
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    ...(schema === undefined ? {} : { options: `-c search_path=${schema}` }),
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  if (schema !== undefined) {
    // Asked first: CREATE SCHEMA IF NOT EXISTS needs the CREATE privilege even when the
    // schema exists, which a server role that does not own the database lacks.
    const existing = await sql<{ found: number }>`select 1 as found from pg_namespace where nspname = ${schema}`.execute(db);
    if (existing.rows.length === 0) await db.schema.createSchema(schema).execute();
  }
  return db;
}

async function openPglite(dataDir: string): Promise<{ db: Kysely<Database>; unlock: () => void }> {
  mkdirSync(dataDir, { recursive: true });
  const unlock = lockDataDir(dataDir);
  try {
    const pglite = await PGlite.create(dataDir);
    return { db: new Kysely<Database>({ dialect: new PGliteDialect({ pglite }) }), unlock };
  } catch (error) {
    unlock();
    throw error;
  }
}

/** Opens the database, claims it, and brings its schema up to date. */
export async function openStorage(options: StorageOptions): Promise<Storage> {
  let db: Kysely<Database>;
  let unlock = (): void => {};
  if (options.kind === 'postgres') {
    db = await openPostgres(options.url, options.schema, options.poolSize ?? 10);
  } else {
    ({ db, unlock } = await openPglite(options.dataDir));
  }
  try {
    const migrator = new Migrator({
      db,
      provider: migrationProvider,
      migrationTableSchema: options.kind === 'postgres' ? (options.schema ?? 'public') : 'public',
    });
    const { error } = await migrator.migrateToLatest();
    if (error) throw error instanceof Error ? error : new Error('migration failed', { cause: error });
  } catch (error) {
    await db.destroy();
    unlock();
    throw error;
  }
  return {
    kind: options.kind,
    db,
    async close() {
      await db.destroy();
      unlock();
    },
  };
}
