/**
 * Credentials for server processes a test starts with `node src/main.ts`:
 * the environment that fixes the first admin's password and the wall token,
 * and signing in over HTTP as a client of the running process would.
 */
export const PROCESS_ADMIN_PASSWORD = 'process-test-admin-password';
export const PROCESS_WALL_TOKEN = 'process-test-wall-token';

/** Add to the child's environment: on a database without accounts, `admin` is created with this password. */
export const PROCESS_ACCESS_ENV = {
  GRIDSWEEP_ADMIN_PASSWORD: PROCESS_ADMIN_PASSWORD,
  GRIDSWEEP_WALL_TOKEN: PROCESS_WALL_TOKEN,
} as const;

export interface ProcessSession {
  readonly token: string;
  /** `headers: { ...session.auth }` signs a fetch in. */
  readonly auth: { readonly authorization: string };
}

/** Signs in as the first admin through `POST /api/v1/auth/login` of the process at `baseUrl`. */
export async function signInAsProcessAdmin(baseUrl: string): Promise<ProcessSession> {
  const response = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: PROCESS_ADMIN_PASSWORD }),
  });
  if (response.status !== 200) throw new Error(`signing in to ${baseUrl} answered ${response.status}: ${await response.text()}`);
  const { token } = (await response.json()) as { token: string };
  return { token, auth: { authorization: `Bearer ${token}` } };
}
