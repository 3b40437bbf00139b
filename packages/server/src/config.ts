import { resolve } from 'node:path';
import { ID_RULE } from '@gridsweep/core';

/** Everything the server reads from its environment, read in one place. */
export interface ServerConfig {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  readonly databaseUrl: string | null;
  readonly logLevel: string;
  /** How often count changes go out to live subscribers, coalesced, in ms. */
  readonly liveTickMs?: number;
  /** How often every round's counts are sampled for its history (the wall's chart), in ms. */
  readonly historySampleMs?: number;
  /** Redis for running several server processes: socket.io's adapter and the fan-out of committed events. */
  readonly redisUrl?: string | null;
  /** Access: the wall credential, session limits, the per-user rate limit, the first admin's password. */
  readonly access?: AccessConfig;
  /** A folder with a MapLibre style.json and the files it names (PMTiles, glyphs, sprites), drawn under the areas; null for none. */
  readonly basemapDir?: string | null;
  /** Browser origins besides the server's own that may open sockets (SOCKET_ORIGINS, comma-separated). */
  readonly socketOrigins?: readonly string[];
  /**
   * Which proxies' X-Forwarded-For to believe (TRUST_PROXY): false for none, true for any, or their
   * addresses. Per-address limits (sign-in) need the client's address, not the proxy's.
   */
  readonly trustProxy?: boolean | readonly string[];
  /** What the wall credential's view follows (GRIDSWEEP_WALL_ROUND, GRIDSWEEP_WALL_AREA); unset: the latest round over a top-level area. */
  readonly wall?: WallConfig;
  /**
   * How long start-up (migrations, then reading the whole city into memory) may take before the server gives
   * up, in ms (STARTUP_TIMEOUT_MS); 0 waits as long as it takes. A city of millions of households takes minutes.
   */
  readonly startupTimeoutMs?: number;
}

export interface WallConfig {
  /** The one round the wall shows; null: the latest round over a top-level area (or over `areaId`). */
  readonly roundId: string | null;
  /** The area at the top of the wall; null: the round's area. */
  readonly areaId: string | null;
}

export interface AccessConfig {
  /** The wall display's credential; generated and kept in the database when null. */
  readonly wallToken: string | null;
  /** The password of the `admin` account created on a database without users; generated and printed when null. */
  readonly adminPassword: string | null;
  readonly sessionLifetimeMinutes: number;
  readonly sessionIdleMinutes: number;
  /** Requests per minute per signed-in user (and per wall credential); 0 turns the limit off. */
  readonly rateLimitPerMinute: number;
  /** Distinct count subscriptions one socket may hold at once. */
  readonly subscriptionsPerSocket: number;
  /** Distinct count subscriptions (subtree and depth) all sockets of one credential may hold; identical ones count once. */
  readonly subscriptionsPerCredential: number;
  /** Sign-in attempts per minute from one address, counted before any password is hashed; 0 turns it off. */
  readonly signInsPerAddressPerMinute: number;
  /** Members one user may reveal in `revealWindowMinutes`; 0 turns the limit off. */
  readonly revealsPerWindow: number;
  readonly revealWindowMinutes: number;
}

export const DEFAULT_ACCESS: AccessConfig = {
  wallToken: null,
  adminPassword: null,
  sessionLifetimeMinutes: 720,
  sessionIdleMinutes: 120,
  rateLimitPerMinute: 600,
  subscriptionsPerSocket: 8,
  subscriptionsPerCredential: 64,
  signInsPerAddressPerMinute: 60,
  revealsPerWindow: 20,
  revealWindowMinutes: 10,
};

/** Fastify's 10 s default aborted the start while PGlite created a fresh data folder on a busy 2-core machine. */
export const DEFAULT_STARTUP_TIMEOUT_MS = 120_000;

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

function readPort(text: string): number {
  const port = Number(text);
  if (text.trim() === '' || !Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError(`PORT must be a port number (0-65535), got "${text}"`);
  }
  return port;
}

function readDatabaseUrl(text: string | undefined): string | null {
  if (text === undefined || text === '') return null;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new ConfigError('DATABASE_URL must be a URL such as postgres://user@host:5432/database');
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new ConfigError(`DATABASE_URL must start with postgres:// or postgresql://, got "${url.protocol}//"`);
  }
  return text;
}

function readLiveTick(text: string): number {
  const ms = Number(text);
  if (text.trim() === '' || !Number.isInteger(ms) || ms < 10 || ms > 10_000) {
    throw new ConfigError(`LIVE_TICK_MS must be a whole number of milliseconds from 10 to 10000, got "${text}"`);
  }
  return ms;
}

function readHistorySample(text: string): number {
  const ms = Number(text);
  if (text.trim() === '' || !Number.isInteger(ms) || ms < 100 || ms > 3_600_000) {
    throw new ConfigError(`HISTORY_SAMPLE_MS must be a whole number of milliseconds from 100 to 3600000, got "${text}"`);
  }
  return ms;
}

function readRedisUrl(text: string | undefined): string | null {
  if (text === undefined || text === '') return null;
  if (!/^rediss?:\/\/./.test(text)) throw new ConfigError(`REDIS_URL must start with redis:// or rediss://, got "${text}"`);
  return text;
}

function readWholeNumber(name: string, text: string, min: number, max: number): number {
  const value = Number(text);
  if (text.trim() === '' || !Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max}, got "${text}"`);
  }
  return value;
}

function readSecret(name: string, text: string | undefined, minLength: number): string | null {
  if (text === undefined || text === '') return null;
  if (text.length < minLength || /\s/.test(text)) {
    throw new ConfigError(`${name} must be at least ${minLength} characters without spaces (or unset to generate one)`);
  }
  return text;
}

function readTrustProxy(text: string | undefined): boolean | string[] {
  if (text === undefined || text.trim() === '' || text.trim() === 'false') return false;
  if (text.trim() === 'true') return true;
  const addresses = text.split(',').map((entry) => entry.trim());
  if (addresses.some((address) => !/^[0-9a-fA-F:.]+(\/\d{1,3})?$/.test(address))) {
    throw new ConfigError(`TRUST_PROXY must be true, false or the proxies' addresses (CIDR allowed), comma-separated, got "${text}"`);
  }
  return addresses;
}

function readId(name: string, what: 'a round' | 'an area', text: string | undefined): string | null {
  if (text === undefined || text.trim() === '') return null;
  if (!ID_RULE.pattern.test(text)) throw new ConfigError(`${name} must be the id of ${what} (${ID_RULE.patternReason}), got "${text}"`);
  return text;
}

function readOrigins(text: string | undefined): string[] {
  if (text === undefined || text.trim() === '') return [];
  return text.split(',').map((entry) => {
    const origin = entry.trim();
    let parsed: URL | null = null;
    try {
      parsed = new URL(origin);
    } catch {
      // Refused below.
    }
    if (parsed === null || parsed.origin !== origin) {
      throw new ConfigError(`SOCKET_ORIGINS must be origins such as https://wall.example.org, comma-separated, got "${origin}"`);
    }
    return origin;
  });
}

function readAccess(env: NodeJS.ProcessEnv): AccessConfig {
  return {
    wallToken: readSecret('GRIDSWEEP_WALL_TOKEN', env.GRIDSWEEP_WALL_TOKEN, 16),
    adminPassword: readSecret('GRIDSWEEP_ADMIN_PASSWORD', env.GRIDSWEEP_ADMIN_PASSWORD, 8),
    sessionLifetimeMinutes: readWholeNumber('SESSION_LIFETIME_MINUTES', env.SESSION_LIFETIME_MINUTES ?? '720', 1, 525_600),
    sessionIdleMinutes: readWholeNumber('SESSION_IDLE_MINUTES', env.SESSION_IDLE_MINUTES ?? '120', 1, 525_600),
    rateLimitPerMinute: readWholeNumber('RATE_LIMIT_PER_MINUTE', env.RATE_LIMIT_PER_MINUTE ?? '600', 0, 10_000_000),
    subscriptionsPerSocket: readWholeNumber('LIVE_SUBSCRIPTIONS_PER_SOCKET', env.LIVE_SUBSCRIPTIONS_PER_SOCKET ?? '8', 1, 1000),
    subscriptionsPerCredential: readWholeNumber('LIVE_SUBSCRIPTIONS_PER_CREDENTIAL', env.LIVE_SUBSCRIPTIONS_PER_CREDENTIAL ?? '64', 1, 100_000),
    revealsPerWindow: readWholeNumber('REVEALS_PER_WINDOW', env.REVEALS_PER_WINDOW ?? '20', 0, 1_000_000),
    revealWindowMinutes: readWholeNumber('REVEAL_WINDOW_MINUTES', env.REVEAL_WINDOW_MINUTES ?? '10', 1, 10_080),
    signInsPerAddressPerMinute: readWholeNumber('SIGN_INS_PER_ADDRESS_PER_MINUTE', env.SIGN_INS_PER_ADDRESS_PER_MINUTE ?? '60', 0, 1_000_000),
  };
}

/** Reads and checks the environment; a bad value throws a ConfigError naming the variable. */
export function readConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const logLevel = env.LOG_LEVEL ?? 'info';
  if (!LOG_LEVELS.includes(logLevel)) {
    throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${logLevel}"`);
  }
  const host = env.HOST ?? '0.0.0.0';
  if (host.trim() === '') throw new ConfigError('HOST must not be empty (use 0.0.0.0 for every interface)');
  const dataDir = env.DATA_DIR ?? './data';
  if (dataDir.trim() === '') throw new ConfigError('DATA_DIR must not be empty');
  return {
    port: readPort(env.PORT ?? '3000'),
    host,
    dataDir: resolve(dataDir),
    databaseUrl: readDatabaseUrl(env.DATABASE_URL),
    logLevel,
    liveTickMs: readLiveTick(env.LIVE_TICK_MS ?? '100'),
    historySampleMs: readHistorySample(env.HISTORY_SAMPLE_MS ?? '30000'),
    redisUrl: readRedisUrl(env.REDIS_URL),
    access: readAccess(env),
    socketOrigins: readOrigins(env.SOCKET_ORIGINS),
    trustProxy: readTrustProxy(env.TRUST_PROXY),
    wall: {
      roundId: readId('GRIDSWEEP_WALL_ROUND', 'a round', env.GRIDSWEEP_WALL_ROUND),
      areaId: readId('GRIDSWEEP_WALL_AREA', 'an area', env.GRIDSWEEP_WALL_AREA),
    },
    startupTimeoutMs: readWholeNumber('STARTUP_TIMEOUT_MS', env.STARTUP_TIMEOUT_MS ?? String(DEFAULT_STARTUP_TIMEOUT_MS), 0, 86_400_000),
    basemapDir: env.BASEMAP_DIR === undefined || env.BASEMAP_DIR.trim() === '' ? null : resolve(env.BASEMAP_DIR),
  };
}
