import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { postJson } from './post-json.js';

const ROOT = join(import.meta.dirname, '..', '..');
export const SERVER_MAIN = join(ROOT, 'packages', 'server', 'dist', 'main.js');
export const DASHBOARD_BUILD = join(ROOT, 'packages', 'dashboard', 'build', 'index.html');

/** The credentials every server under test starts with, so tests can open the wall and sign in. */
export const WALL_TOKEN = 'browser-tests-wall-token-7d1c';
export const ADMIN = { username: 'admin', password: 'browser-tests-admin-pw' } as const;

export interface RunningServer {
  readonly url: string;
  /** GRIDSWEEP_WALL_TOKEN of the server: `/wall?token=${wallToken}` opens the wall. */
  readonly wallToken: string;
  /** Signs in through the API and answers the session token; fails the test on anything but a 200. */
  login(username: string, password: string): Promise<string>;
  /** POSTs JSON to a path of the server as its first administrator (signed in once, on first use); answers the parsed answer. */
  postJson(path: string, body: unknown): Promise<unknown>;
  /** Everything the server printed, for a failing test's message. */
  readonly output: () => string;
  /** Stops the process but keeps its data folder, as a crash or an update would. */
  halt(): Promise<void>;
  /** Starts the process (again) on the same port and data folder. */
  restart(): Promise<void>;
  /** Pauses the process (SIGSTOP): its sockets stay open but nothing comes through them, as with a hung server. */
  freeze(): void;
  /** Lets a frozen process go on (SIGCONT). */
  thaw(): void;
  /** Stops the process and removes its data. */
  stop(): Promise<void>;
}

/**
 * Starts the built server as users start it (`node packages/server/dist/main.js`)
 * on a free port with a fresh data folder, and waits until it answers.
 */
export async function startGridsweepServer(env: Record<string, string> = {}): Promise<RunningServer> {
  for (const [path, build] of [
    [SERVER_MAIN, 'pnpm --filter @gridsweep/server build'],
    [DASHBOARD_BUILD, 'pnpm --filter @gridsweep/dashboard build'],
  ] as const) {
    if (!existsSync(path)) throw new Error(`${path} is missing; run \`${build}\` (\`pnpm test\` builds everything first)`);
  }
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'gridsweep-browser-'));
  const url = `http://127.0.0.1:${port}`;
  let output = '';
  const launch = async (): Promise<ChildProcess> => {
    const child = spawn(process.execPath, [SERVER_MAIN], {
      env: {
        ...process.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        DATA_DIR: dataDir,
        LOG_LEVEL: 'warn',
        DATABASE_URL: '',
        GRIDSWEEP_DEMO: 'off',
        GRIDSWEEP_WALL_TOKEN: WALL_TOKEN,
        GRIDSWEEP_ADMIN_PASSWORD: ADMIN.password,
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    try {
      await waitUntilHealthy(url, child, () => output);
    } catch (error) {
      await exited(child);
      throw error;
    }
    return child;
  };
  let child: ChildProcess | null = null;
  const stop = async (): Promise<void> => {
    if (child) await exited(child);
    child = null;
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    child = await launch();
  } catch (error) {
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  const login = async (username: string, password: string): Promise<string> => {
    const response = await fetch(`${url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });
    if (!response.ok) throw new Error(`signing in as ${username} answered ${response.status}: ${await response.text()}`);
    return ((await response.json()) as { token: string }).token;
  };
  // Sessions live in the database, so the administrator's survives a halt and restart.
  let adminToken: Promise<string> | null = null;
  return {
    url,
    wallToken: WALL_TOKEN,
    login,
    postJson: async (path, body) => {
      adminToken ??= login(ADMIN.username, ADMIN.password);
      return postJson(`${url}${path}`, body, await adminToken);
    },
    output: () => output,
    halt: async () => {
      if (child) await exited(child);
      child = null;
    },
    restart: async () => {
      if (child) await exited(child);
      child = await launch();
    },
    freeze: () => void child?.kill('SIGSTOP'),
    thaw: () => void child?.kill('SIGCONT'),
    stop,
  };
}

async function waitUntilHealthy(url: string, child: ChildProcess, output: () => string): Promise<void> {
  // PGlite's first start in a fresh folder takes over a minute on a machine shared by several test runs.
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with code ${child.exitCode}:\n${output()}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the server did not answer /api/health within 180 s:\n${output()}`);
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}
