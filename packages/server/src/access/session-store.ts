import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { Principal } from './principal.js';
import { newToken, tokenHash } from './secrets.js';
import { userFromRow, type User } from './user-store.js';

export interface SessionLimits {
  /** A session ends this long after login, however busy. */
  readonly lifetimeMs: number;
  /** A session ends after this long without a request. */
  readonly idleMs: number;
}

/** How long a process trusts what it last read of a session before asking the database again. */
const RECHECK_MS = 10_000;
/** last_seen_at is written at most this often per session, not on every request. */
const TOUCH_MS = 60_000;

interface Known {
  readonly principal: Principal;
  readonly expiresAt: number;
  lastSeenAt: number;
  storedLastSeenAt: number;
  checkedAt: number;
}

export interface OpenedSession {
  readonly token: string;
  readonly expiresAt: number;
}

/**
 * Login sessions: the token goes to the client, its hash to the database.
 * Lookups are served from memory for a few seconds, so a revocation made by
 * another server process takes effect here within RECHECK_MS.
 */
export class SessionStore {
  private readonly known = new Map<string, Known>();

  constructor(
    private readonly db: Kysely<Database>,
    readonly limits: SessionLimits,
    private readonly now: () => number = Date.now,
  ) {}

  async open(user: User, source: string | null): Promise<OpenedSession> {
    const token = newToken();
    const at = this.now();
    const expiresAt = at + this.limits.lifetimeMs;
    await this.db
      .insertInto('sessions')
      .values({ token_hash: tokenHash(token), user_id: user.id, created_at: at, last_seen_at: at, expires_at: expiresAt, revoked_at: null, source })
      .execute();
    return { token, expiresAt };
  }

  /** The principal of a live session, or null. A request counts as activity; `touch: false` only checks. */
  async principalOf(token: string, options: { touch: boolean } = { touch: true }): Promise<Principal | null> {
    return this.principalOfHash(tokenHash(token), options);
  }

  async principalOfHash(hash: string, { touch }: { touch: boolean } = { touch: true }): Promise<Principal | null> {
    const at = this.now();
    let known = this.known.get(hash);
    if (!known || at - known.checkedAt >= RECHECK_MS) {
      const fresh = await this.read(hash, at);
      if (!fresh) {
        this.known.delete(hash);
        return null;
      }
      if (known) fresh.lastSeenAt = Math.max(fresh.lastSeenAt, known.lastSeenAt);
      known = fresh;
      this.known.set(hash, known);
    }
    if (at >= known.expiresAt || at - known.lastSeenAt >= this.limits.idleMs) {
      this.known.delete(hash);
      return null;
    }
    if (touch) {
      known.lastSeenAt = at;
      if (at - known.storedLastSeenAt >= TOUCH_MS) {
        known.storedLastSeenAt = at;
        await this.db.updateTable('sessions').set({ last_seen_at: at }).where('token_hash', '=', hash).execute();
      }
    }
    return known.principal;
  }

  /** Logout: this one session ends now. */
  async close(hash: string): Promise<void> {
    this.known.delete(hash);
    await this.db.updateTable('sessions').set({ revoked_at: this.now() }).where('token_hash', '=', hash).where('revoked_at', 'is', null).execute();
  }

  /** Ends every session of the user. */
  async closeAllOf(userId: string): Promise<void> {
    for (const [hash, known] of this.known) if (known.principal.id === userId) this.known.delete(hash);
    await this.db.updateTable('sessions').set({ revoked_at: this.now() }).where('user_id', '=', userId).where('revoked_at', 'is', null).execute();
  }

  private async read(hash: string, at: number): Promise<Known | null> {
    const row = await this.db
      .selectFrom('sessions')
      .innerJoin('users', 'users.id', 'sessions.user_id')
      .select([
        'users.id', 'users.username', 'users.display_name', 'users.role', 'users.scope', 'users.created_at', 'users.revoked_at',
        'sessions.expires_at', 'sessions.last_seen_at', 'sessions.revoked_at as session_revoked_at',
      ])
      .where('sessions.token_hash', '=', hash)
      .executeTakeFirst();
    if (!row || row.revoked_at !== null || row.session_revoked_at !== null) return null;
    const user = userFromRow(row);
    const lastSeenAt = Number(row.last_seen_at);
    return {
      principal: { id: user.id, username: user.username, role: user.role, scope: user.scope, sessionHash: hash },
      expiresAt: Number(row.expires_at),
      lastSeenAt,
      storedLastSeenAt: lastSeenAt,
      checkedAt: at,
    };
  }
}
