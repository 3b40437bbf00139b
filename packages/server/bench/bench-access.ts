// How the benchmarks sign in. The bench server (serve.ts) is started with
// BENCH_ACCESS and creates BENCH_ACCOUNTS; the drivers sign in over HTTP and
// send the token as a field device or a wall display would.
import { DEFAULT_ACCESS, type AccessConfig } from '../src/config.js';

/** The wall credential of the bench server: the live bench's dashboards connect with it, as wall displays do. */
export const BENCH_WALL_TOKEN = 'bench-wall-token-not-a-secret';

export interface BenchAccount {
  readonly username: string;
  readonly password: string;
}

export const BENCH_ACCOUNTS = {
  /** The first admin (created as on a fresh database): reads the ingest counters, which only an admin may. */
  admin: { username: 'admin', password: 'bench-admin-password' },
  /**
   * Posts the events: a supervisor whose scope is the city (an area, not
   * "everything"), so every event goes through the territorial scope check a
   * field account's events go through.
   */
  supervisor: { username: 'bench-supervisor', password: 'bench-supervisor-password' },
} as const satisfies Record<string, BenchAccount>;

/**
 * Access as in production except the per-user rate limit, which is off: the
 * benchmarks push up to 20 000 events/s from one account and measure ingest
 * and the live stream, not the limiter (600 requests a minute would stop them
 * in seconds). The token check, the role and scope checks and the audit entry
 * of every write all run.
 */
export const BENCH_ACCESS: AccessConfig = {
  ...DEFAULT_ACCESS,
  wallToken: BENCH_WALL_TOKEN,
  adminPassword: BENCH_ACCOUNTS.admin.password,
  rateLimitPerMinute: 0,
};

/** Signs in over HTTP; the session token to send as `Authorization: Bearer`. */
export async function signIn(baseUrl: string, account: BenchAccount): Promise<string> {
  const response = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: account.username, password: account.password }),
  });
  if (response.status !== 200) throw new Error(`signing in as ${account.username} answered ${response.status}: ${await response.text()}`);
  return ((await response.json()) as { token: string }).token;
}
