import type { StorageOptions } from './db/open-database.js';
import type { CommitMode } from './ingest/event-ingest.js';
import type { ServerConfig } from './config.js';

/** What the application plugin is built from: the environment's config plus explicit choices of the caller. */
export interface AppOptions {
  readonly config: ServerConfig;
  /** Overrides the storage the config implies (tests use a schema of their own, or a temporary folder). */
  readonly storage?: StorageOptions;
  /** 'per-event' exists for the benchmark's baseline only. */
  readonly commitMode?: CommitMode;
  /** The dashboard's static build; the placeholder page is served when it does not exist. */
  readonly dashboardDir?: string;
  /** Ticks of count changes kept for resuming subscribers (default 600: a minute at the default tick). */
  readonly liveHistoryTicks?: number;
  /** How long a live group with no subscriber is kept for a reconnecting wall to resume, in ms (default 120 000; tests shorten it). */
  readonly liveGroupGraceMs?: number;
  /** Progress samples kept per round for `GET /rounds/:roundId/history` (default 2880: 24 h at one every 30 s). */
  readonly historySamples?: number;
  /** How often open sockets are checked against their sessions, in ms (default 15 000; tests shorten it). */
  readonly socketRecheckMs?: number;
  /** The clock sessions expire by (tests move it forward instead of waiting hours). */
  readonly sessionClock?: () => number;
}

export function storageOptionsOf(options: AppOptions): StorageOptions {
  if (options.storage) return options.storage;
  const { databaseUrl, dataDir } = options.config;
  return databaseUrl ? { kind: 'postgres', url: databaseUrl } : { kind: 'pglite', dataDir };
}
