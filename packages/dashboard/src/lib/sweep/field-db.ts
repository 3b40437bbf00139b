import type { Body, submitRosterChange } from '@gridsweep/contract';
import type { SweepEvent } from '@gridsweep/core';
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';

/** An event typed on this phone and not yet acknowledged by the server, in the order it was saved. */
export interface QueuedEvent {
  readonly seq?: number;
  readonly event: SweepEvent;
  readonly queuedAt: number;
}

/** An event the server refused for what it holds: kept and shown until the worker has read it, never dropped silently. */
export interface HeldEvent {
  readonly event: SweepEvent;
  /** conflict: the server holds this id with other content (409); rejected: the event itself is invalid or out of scope. */
  readonly kind: 'conflict' | 'rejected';
  readonly reason: string;
  readonly heldAt: number;
}

/** Data read from the server kept for offline use: a door list, a building list, the round's template. */
export interface CachedEntry {
  readonly key: string;
  readonly value: unknown;
  readonly bytes: number;
  readonly savedAt: number;
}

/**
 * What this phone last recorded for a household, written with its events: laid over a kept door list,
 * so the page shows it offline and after a reload without rewriting the whole list on every save.
 */
export interface LocalRecord {
  readonly householdId: string;
  readonly roundId: string;
  readonly values: Readonly<Record<string, string>>;
  readonly members: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** The device time of the save. */
  readonly at: number;
}

export type RosterChange = Body<typeof submitRosterChange>;

/**
 * A roster change made on this phone (a member added, one moved out). Kept after the server
 * acknowledged it, to be laid over kept door lists until one read from the server holds it.
 */
export interface QueuedRosterChange {
  readonly seq?: number;
  readonly change: RosterChange;
  readonly queuedAt: number;
  readonly acknowledgedAt: number | null;
  /** The server refused it for what it holds (409 conflict, or invalid or out of scope): shown, never sent again. */
  readonly refused: { readonly kind: 'conflict' | 'rejected'; readonly reason: string } | null;
}

interface FieldSchema extends DBSchema {
  outbox: { key: number; value: QueuedEvent; indexes: { byId: string } };
  held: { key: string; value: HeldEvent };
  cache: { key: string; value: CachedEntry };
  local: { key: [string, string]; value: LocalRecord };
  roster: { key: number; value: QueuedRosterChange };
}

export type FieldDb = IDBPDatabase<FieldSchema>;

const NAME = 'gridsweep-field';

let opening: Promise<FieldDb> | null = null;

/** The phone's one store of the field worker's page; opened once per page. */
export function fieldDb(): Promise<FieldDb> {
  opening ??= openDB<FieldSchema>(NAME, 3, {
    upgrade(db, oldVersion) {
      if (oldVersion < 1) {
        const outbox = db.createObjectStore('outbox', { keyPath: 'seq', autoIncrement: true });
        outbox.createIndex('byId', 'event.id', { unique: true });
        db.createObjectStore('held', { keyPath: 'event.id' });
        db.createObjectStore('cache', { keyPath: 'key' });
      }
      if (oldVersion < 2) db.createObjectStore('local', { keyPath: ['roundId', 'householdId'] });
      if (oldVersion < 3) db.createObjectStore('roster', { keyPath: 'seq', autoIncrement: true });
    },
  });
  return opening;
}
