import { isRole, type AccessScope, type Role } from '@gridsweep/core';
import type { Kysely } from 'kysely';
import type { Database, UserRow } from '../db/schema.js';
import { hashPassword } from './password-hash.js';

export interface User {
  readonly id: string;
  readonly username: string;
  readonly displayName: string;
  readonly role: Role;
  readonly scope: AccessScope;
  readonly revoked: boolean;
}

export interface NewUser {
  readonly username: string;
  readonly displayName: string;
  readonly role: Role;
  readonly scope: AccessScope;
  readonly password: string;
}

type StoredUser = Pick<UserRow, 'id' | 'username' | 'display_name' | 'role'> & { scope: unknown; revoked_at: Date | null };

export function userFromRow(row: StoredUser): User {
  if (!isRole(row.role)) throw new Error(`user ${row.id} has an unknown role ${row.role}`);
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    // Written only through `create`, from a checked scope.
    scope: row.scope as AccessScope,
    revoked: row.revoked_at !== null,
  };
}

/** Accounts. A user is revoked, never deleted: the audit log keeps naming them. */
export class UserStore {
  constructor(private readonly db: Kysely<Database>) {}

  async create(user: NewUser): Promise<User> {
    const row = {
      id: user.username,
      username: user.username,
      display_name: user.displayName,
      role: user.role,
      scope: JSON.stringify(user.scope),
      password_hash: await hashPassword(user.password),
    };
    await this.db.insertInto('users').values(row).execute();
    return { id: row.id, username: user.username, displayName: user.displayName, role: user.role, scope: user.scope, revoked: false };
  }

  async count(): Promise<number> {
    const { n } = await this.db.selectFrom('users').select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirstOrThrow();
    return Number(n);
  }

  async byUsername(username: string): Promise<(User & { passwordHash: string }) | undefined> {
    const row = await this.db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
    return row && { ...userFromRow(row), passwordHash: row.password_hash };
  }

  async byId(id: string): Promise<User | undefined> {
    const row = await this.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
    return row && userFromRow(row);
  }

  /** Display names by user id, for saying who recorded what; ids of no user (a simulator's workers) are left out. */
  async displayNames(ids: readonly string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = await this.db.selectFrom('users').select(['id', 'display_name']).where('id', 'in', ids).execute();
    return new Map(rows.map((row) => [row.id, row.display_name]));
  }

  async all(): Promise<User[]> {
    return (await this.db.selectFrom('users').selectAll().orderBy('username').execute()).map(userFromRow);
  }

  /** Marks the user revoked; false when there is no such user. */
  async revoke(id: string): Promise<boolean> {
    const result = await this.db.updateTable('users').set({ revoked_at: new Date() }).where('id', '=', id).executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }
}
