import { newPassword } from './secrets.js';
import type { UserStore } from './user-store.js';

export const FIRST_ADMIN_USERNAME = 'admin';

/**
 * On a database without any account, creates `admin` so that someone can
 * sign in. Returns the password when it was generated (to be shown once),
 * null when the environment gave it or accounts already existed.
 */
export async function ensureFirstAdmin(users: UserStore, configuredPassword: string | null): Promise<{ username: string; password: string } | null> {
  if ((await users.count()) > 0) return null;
  const password = configuredPassword ?? newPassword();
  try {
    await users.create({ username: FIRST_ADMIN_USERNAME, displayName: 'Administrator', role: 'admin', scope: { kind: 'everything' }, password });
  } catch (error) {
    // Another server process of the same database created it first.
    if ((await users.byUsername(FIRST_ADMIN_USERNAME)) !== undefined) return null;
    throw error;
  }
  return configuredPassword === null ? { username: FIRST_ADMIN_USERNAME, password } : null;
}
