import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

export interface AuditEntry {
  readonly actorId: string;
  readonly actorRole: string;
  /** What was done: `member.reveal`, `events.write`, `user.revoke`, ... */
  readonly action: string;
  /** What it was done to: `member:m-1`, `round:demo`, ... */
  readonly target: string;
  readonly reason?: string | null;
  /** Where from: the client's address. */
  readonly source?: string | null;
  readonly detail?: Record<string, unknown>;
}

export interface AuditRecord extends Required<Omit<AuditEntry, 'detail'>> {
  readonly seq: number;
  readonly at: string;
  readonly detail: Record<string, unknown>;
}

// eslint-disable-next-line no-control-regex -- NUL is exactly what is replaced
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * The text as it can be stored: NUL and unpaired surrogate halves become
 * U+FFFD. Inputs are refused for them long before, but an audit entry also
 * quotes what was refused and where from, and must never fail for it.
 */
function storable(text: string): string {
  return text.replace(UNSTORABLE, '\ufffd');
}

function storableJson(detail: Record<string, unknown>): string {
  return JSON.stringify(detail, (_key, value: unknown) => (typeof value === 'string' ? storable(value) : value));
}

const toRow = (entry: AuditEntry) => ({
  actor_id: storable(entry.actorId),
  actor_role: storable(entry.actorRole),
  action: storable(entry.action),
  target: storable(entry.target),
  reason: entry.reason == null ? null : storable(entry.reason),
  source: entry.source == null ? null : storable(entry.source),
  detail: storableJson(entry.detail ?? {}),
});

/** Inserts entries with the given connection: a write that keeps its audit entry in its own transaction passes that transaction. */
export async function insertAuditEntries(db: Kysely<Database>, entries: readonly AuditEntry[]): Promise<void> {
  if (entries.length > 0) await db.insertInto('audit_log').values(entries.map(toRow)).execute();
}

interface Waiting {
  readonly entry: AuditEntry;
  readonly settle: (error?: unknown) => void;
}

/**
 * The append-only record of reveals, exports and writes. Entries that arrive
 * while an insert is running go together in the next one, so a busy ingest
 * adds one audit insert per commit rather than one per request. `record`
 * resolves once the entry is stored: a write is answered only after its
 * audit entry is durable.
 */
export class AuditLog {
  private queue: Waiting[] = [];
  private flushing: Promise<void> | null = null;

  constructor(private readonly db: Kysely<Database>) {}

  record(entry: AuditEntry): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({
        entry,
        settle: (error) => (error === undefined ? resolve() : reject(error instanceof Error ? error : new Error('the audit insert failed', { cause: error }))),
      });
      this.flushing ??= this.flush();
    });
  }

  async recent(options: { limit: number; before?: number; action?: string }): Promise<AuditRecord[]> {
    let query = this.db.selectFrom('audit_log').selectAll().orderBy('seq', 'desc').limit(options.limit);
    if (options.before !== undefined) query = query.where(sql<boolean>`seq < ${options.before}`);
    if (options.action !== undefined) query = query.where('action', '=', options.action);
    return (await query.execute()).map((row) => ({
      seq: Number(row.seq),
      at: row.at.toISOString(),
      actorId: row.actor_id,
      actorRole: row.actor_role,
      action: row.action,
      target: row.target,
      reason: row.reason,
      source: row.source,
      detail: row.detail,
    }));
  }

  private async flush(): Promise<void> {
    // Lets the entries of requests finishing in the same turn join this insert.
    await Promise.resolve();
    while (this.queue.length > 0) {
      const batch = this.queue;
      this.queue = [];
      try {
        await insertAuditEntries(this.db, batch.map(({ entry }) => entry));
        for (const waiting of batch) waiting.settle();
      } catch (error) {
        // One entry the database refuses must not fail the writes of everyone else in the batch: each goes alone.
        if (batch.length === 1) batch[0]!.settle(error);
        else await this.insertOneByOne(batch);
      }
    }
    this.flushing = null;
  }

  private async insertOneByOne(batch: readonly Waiting[]): Promise<void> {
    for (const waiting of batch) {
      try {
        await this.db.insertInto('audit_log').values(toRow(waiting.entry)).execute();
        waiting.settle();
      } catch (error) {
        waiting.settle(error);
      }
    }
  }
}
