import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../db/schema.js';

/** One column of a bulk insert: its name, its PostgreSQL array type, and how to read it from a record. */
export interface BulkColumn<T> {
  readonly name: string;
  readonly type: 'text' | 'integer' | 'bigint' | 'boolean' | 'jsonb' | 'uuid';
  readonly value: (record: T) => string | number | boolean | null;
}

const CHUNK_ROWS = 10_000;

/**
 * Inserts many rows with one statement per chunk: each column travels as one
 * array parameter and UNNEST turns the arrays back into rows. The statement has
 * a fixed number of parameters whatever the row count, so it is parsed once
 * and stays far below PostgreSQL's 65 535-parameter limit.
 */
export function unnestInsert<T>(
  table: string,
  columns: readonly BulkColumn<T>[],
  records: readonly T[],
  suffix: RawBuilder<unknown> = sql``,
): RawBuilder<unknown> {
  const names = sql.join(columns.map((c) => sql.id(c.name)));
  const arrays = sql.join(
    columns.map((c) => sql`${records.map(c.value)}::${sql.raw(c.type)}[]`),
  );
  return sql`insert into ${sql.table(table)} (${names}) select * from unnest(${arrays}) ${suffix}`;
}

export async function bulkInsert<T>(
  db: Kysely<Database>,
  table: string,
  columns: readonly BulkColumn<T>[],
  records: readonly T[],
): Promise<void> {
  for (let start = 0; start < records.length; start += CHUNK_ROWS) {
    await unnestInsert(table, columns, records.slice(start, start + CHUNK_ROWS)).execute(db);
  }
}
