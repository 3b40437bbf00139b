import type { SweepEvent } from '@gridsweep/core';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { unnestInsert, type BulkColumn } from './unnest-insert.js';

/** An event ready to store: validated, with the hash of its canonical content. */
export interface HashedEvent {
  readonly event: SweepEvent;
  readonly hash: string;
}

const EVENT_COLUMNS: readonly BulkColumn<HashedEvent>[] = [
  { name: 'id', type: 'uuid', value: (e) => e.event.id },
  { name: 'round_id', type: 'text', value: (e) => e.event.roundId },
  { name: 'worker_id', type: 'text', value: (e) => e.event.workerId },
  { name: 'household_id', type: 'text', value: (e) => e.event.householdId },
  { name: 'member_id', type: 'text', value: (e) => e.event.memberId ?? null },
  { name: 'device_time', type: 'bigint', value: (e) => e.event.deviceTime },
  { name: 'values', type: 'jsonb', value: (e) => JSON.stringify(e.event.values) },
  { name: 'content_hash', type: 'text', value: (e) => e.hash },
];

interface StoredEventRow {
  id: string;
  round_id: string;
  worker_id: string;
  household_id: string;
  member_id: string | null;
  device_time: string | number | bigint;
  values: Record<string, string>;
}

function eventFromRow(row: StoredEventRow): SweepEvent {
  return {
    id: row.id,
    deviceTime: Number(row.device_time),
    roundId: row.round_id,
    workerId: row.worker_id,
    householdId: row.household_id,
    ...(row.member_id === null ? {} : { memberId: row.member_id }),
    values: row.values,
  };
}

/** The append-only log of sweep events. Rows are never updated or deleted. */
export class EventLog {
  constructor(private readonly db: Kysely<Database>) {}

  /** The content hash stored under each of these ids, for the ids that are stored. */
  async storedHashes(db: Kysely<Database>, ids: readonly string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = await db
      .selectFrom('events')
      .select(['id', 'content_hash'])
      .where('id', '=', sql<string>`any(${ids}::uuid[])`)
      .execute();
    return new Map(rows.map((row) => [row.id, row.content_hash]));
  }

  /**
   * Appends events in one statement; ids already present are skipped. Returns
   * the ids this call stored, so a race with another server process shows up
   * as an id that was neither stored before nor by us.
   */
  async append(db: Kysely<Database>, events: readonly HashedEvent[]): Promise<Set<string>> {
    if (events.length === 0) return new Set();
    const result = await unnestInsert('events', EVENT_COLUMNS, events, sql`on conflict (id) do nothing returning id`).execute(db);
    return new Set((result.rows as { id: string }[]).map((row) => row.id));
  }

  /** One event, one statement, one transaction: the cost group commit avoids, kept for the benchmark's baseline. */
  async appendAlone(event: HashedEvent): Promise<boolean> {
    return this.db.transaction().execute(async (tx) => (await this.append(tx, [event])).size === 1);
  }

  async count(): Promise<number> {
    const row = await this.db.selectFrom('events').select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async countById(ids: readonly string[]): Promise<Map<string, number>> {
    if (ids.length === 0) return new Map();
    const rows = await this.db
      .selectFrom('events')
      .select(['id', (eb) => eb.fn.countAll<string | number>().as('n')])
      .where('id', '=', sql<string>`any(${ids}::uuid[])`)
      .groupBy('id')
      .execute();
    return new Map(rows.map((row) => [row.id, Number(row.n)]));
  }

  /** Every stored event in arrival order, page by page, for rebuilding the counts at start. */
  async *all(pageSize = 20_000): AsyncGenerator<SweepEvent[]> {
    let after = -1;
    for (;;) {
      const rows = await this.db
        .selectFrom('events')
        .select(['seq', 'id', 'round_id', 'worker_id', 'household_id', 'member_id', 'device_time', 'values'])
        .where(sql<boolean>`seq > ${after}`)
        .orderBy('seq')
        .limit(pageSize)
        .execute();
      if (rows.length === 0) return;
      after = Number(rows[rows.length - 1]!.seq);
      yield rows.map(eventFromRow);
      if (rows.length < pageSize) return;
    }
  }

  /**
   * Every observation of the given households in one round, for a door list
   * to resolve with core's latestValues (the engine's order).
   */
  async observations(
    roundId: string,
    householdIds: readonly string[],
  ): Promise<{ householdId: string; memberId: string | null; workerId: string; deviceTime: number; values: Record<string, string> }[]> {
    if (householdIds.length === 0) return [];
    const rows = await this.db
      .selectFrom('events')
      .select(['household_id', 'member_id', 'worker_id', 'device_time', 'values'])
      .where('round_id', '=', roundId)
      .where('household_id', 'in', householdIds)
      .execute();
    return rows.map((row) => ({ householdId: row.household_id, memberId: row.member_id, workerId: row.worker_id, deviceTime: Number(row.device_time), values: row.values }));
  }

  /** Whether any event of the round is stored (a round's template and rules are fixed from its first event). */
  async roundHasEvents(roundId: string): Promise<boolean> {
    const row = await this.db.selectFrom('events').select('id').where('round_id', '=', roundId).limit(1).executeTakeFirst();
    return row !== undefined;
  }
}
