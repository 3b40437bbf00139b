import { ApiError } from '../api/api-client.js';
import { fieldDb, type CachedEntry, type FieldDb, type LocalRecord } from './field-db.js';

/** A value read from the server, or the copy kept on the phone when the server could not be reached. */
export interface Fetched<T> {
  readonly value: T;
  /** When the copy was taken; null when the value is fresh from the server. */
  readonly cachedAt: number | null;
}

const encoder = new TextEncoder();

/**
 * What the field worker's page keeps for offline use: door lists, building
 * lists, the round's template, the worker's account. Only what the server
 * answered this worker, so only their own micro-grids; wiped on sign-out.
 */
export class FieldCache {
  constructor(private readonly db: Promise<FieldDb> = fieldDb()) {}

  /** The server's answer, kept; or, when the server cannot be reached (no HTTP status), the kept copy. */
  async networkFirst<T>(key: string, load: () => Promise<T>): Promise<Fetched<T>> {
    // The browser knows it is offline: the copy at once, without a request that can only fail.
    const offline = typeof navigator !== 'undefined' && !navigator.onLine;
    try {
      if (offline) throw new ApiError(key, null, 'offline');
      const value = await load();
      await this.put(key, value);
      return { value, cachedAt: null };
    } catch (error) {
      if (!(error instanceof ApiError) || error.status !== null) throw error;
      const kept = await this.get<T>(key);
      if (!kept) throw error;
      return { value: kept.value, cachedAt: kept.savedAt };
    }
  }

  async get<T>(key: string): Promise<(CachedEntry & { value: T }) | undefined> {
    return (await (await this.db).get('cache', key)) as (CachedEntry & { value: T }) | undefined;
  }

  /** Keeps a value; answers its size in bytes as JSON. */
  async put(key: string, value: unknown, savedAt = Date.now()): Promise<number> {
    const bytes = encoder.encode(JSON.stringify(value)).length;
    await (await this.db).put('cache', { key, value, bytes, savedAt });
    return bytes;
  }

  /** Everything kept, gone: personal data leaves the phone with the worker's session. */
  async wipe(): Promise<void> {
    const db = await this.db;
    await Promise.all([db.clear('cache'), db.clear('local'), db.clear('roster')]);
  }

  /** What this phone recorded in a round, by household. */
  async localRecords(roundId: string): Promise<Map<string, LocalRecord>> {
    const records = await (await this.db).getAll('local', IDBKeyRange.bound([roundId, ''], [roundId, '\uffff']));
    return new Map(records.map((record) => [record.householdId, record]));
  }
}
