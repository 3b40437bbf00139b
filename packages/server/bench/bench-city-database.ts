import { sql } from 'kysely';
import pg from 'pg';
import { openStorage, type StorageOptions } from '../src/db/open-database.js';
import { writeCity } from './roster/city-rows.js';

/** The database the report bench keeps its cities in, next to DATABASE_URL's: written once, read by every later run. */
export const BENCH_CITY_DATABASE = 'gridsweep_bench_city';

export interface BenchCity {
  readonly storage: StorageOptions;
  readonly households: number;
  readonly members: number;
  readonly microgrids: number;
  /** How long writing the city took in this run; 0 when an earlier run had written it. */
  readonly writeMs: number;
}

/** DATABASE_URL with its database swapped for the bench's. */
function benchDatabaseUrl(url: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${BENCH_CITY_DATABASE}`;
  return parsed.toString();
}

async function ensureDatabase(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const found = await client.query('select 1 from pg_database where datname = $1', [BENCH_CITY_DATABASE]);
    if (found.rowCount === 0) await client.query(`create database ${BENCH_CITY_DATABASE}`);
  } finally {
    await client.end();
  }
}

/**
 * A city of `households` households in its own schema of the bench database
 * (city_3000000 …), written by the first run that asks for it and reused by
 * the next: writing 3 M households takes minutes, and the bench measures the
 * report, not the write. A schema is finished only when its `bench_city` row
 * is there; one left half-written by an interrupted run is dropped and
 * written again.
 */
export async function benchCity(url: string, households: number): Promise<BenchCity> {
  await ensureDatabase(url);
  const schema = `city_${households}`;
  const storage: StorageOptions = { kind: 'postgres', url: benchDatabaseUrl(url), schema, poolSize: 4 };
  const client = new pg.Client({ connectionString: storage.url });
  await client.connect();
  try {
    const done = await client.query<{ members: string; microgrids: number }>(
      `select members, microgrids from ${schema}.bench_city where households = $1`,
      [households],
    ).catch(() => null);
    if (done && done.rows[0]) return { storage, households, members: Number(done.rows[0].members), microgrids: done.rows[0].microgrids, writeMs: 0 };
    await client.query(`drop schema if exists ${schema} cascade`);
  } finally {
    await client.end();
  }
  const started = performance.now();
  const city = await openStorage(storage);
  try {
    const size = await writeCity(city.db, households);
    await sql`create table bench_city (households integer primary key, members bigint not null, microgrids integer not null)`.execute(city.db);
    await sql`insert into bench_city values (${households}, ${size.members}, ${size.microgrids})`.execute(city.db);
    return { storage, ...size, writeMs: Math.round(performance.now() - started) };
  } finally {
    await city.close();
  }
}

/** Takes out what a run added (its round), so the next run starts from the city as written. */
export async function forgetRun(storage: StorageOptions, roundId: string): Promise<void> {
  if (storage.kind !== 'postgres') return;
  const client = new pg.Client({ connectionString: storage.url });
  await client.connect();
  try {
    await client.query(`delete from ${storage.schema ?? 'public'}.rounds where id = $1`, [roundId]);
  } finally {
    await client.end();
  }
}
