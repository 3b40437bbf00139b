import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { newToken } from './secrets.js';

const SETTING = 'wall_token';

/**
 * The wall display's credential: GRIDSWEEP_WALL_TOKEN when set; otherwise one
 * generated on first start and kept in the database, so walls keep working
 * across restarts and every server process of a database agrees on it.
 */
export async function resolveWallToken(db: Kysely<Database>, configured: string | null): Promise<string> {
  if (configured !== null) return configured;
  // Two processes starting together may both generate; the first insert wins and both read it back.
  await db.insertInto('server_settings').values({ name: SETTING, value: newToken() }).onConflict((c) => c.column('name').doNothing()).execute();
  const row = await db.selectFrom('server_settings').select('value').where('name', '=', SETTING).executeTakeFirstOrThrow();
  return row.value;
}
