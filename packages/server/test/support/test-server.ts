import type { FastifyInstance } from 'fastify';
import { DEFAULT_ACCESS, type AccessConfig, type WallConfig } from '../../src/config.js';
import type { StorageOptions } from '../../src/db/open-database.js';
import type { CommitMode } from '../../src/ingest/event-ingest.js';
import { buildServer } from '../../src/server.js';
import { signIn } from './accounts.js';
import type { TestDialect } from './dialects.js';
import type { SmallTerritory } from './small-territory.js';

export interface TestServer {
  readonly app: FastifyInstance;
  /** A session of the test's administrator account, valid across restarts. */
  readonly adminToken: string;
  /** `headers: server.auth` signs an injected request in as that administrator. */
  readonly auth: { readonly authorization: string };
  /** Closes the application and starts it again on the same database. */
  restart(): Promise<void>;
  close(): Promise<void>;
}

interface Setup {
  territory?: SmallTerritory;
  commitMode?: CommitMode;
  dashboardDir?: string;
  basemapDir?: string;
  liveHistoryTicks?: number;
  liveGroupGraceMs?: number;
  historySamples?: number;
  socketRecheckMs?: number;
  sessionClock?: () => number;
  signInSummaryMs?: number;
  access?: Partial<AccessConfig>;
  wall?: WallConfig;
}

export const TEST_ADMIN = 'test-admin';

async function build(storage: StorageOptions, setup: Setup): Promise<FastifyInstance> {
  const app = await buildServer({
    config: {
      port: 0,
      host: '127.0.0.1',
      dataDir: '',
      databaseUrl: null,
      logLevel: 'silent',
      access: { ...DEFAULT_ACCESS, ...setup.access },
      basemapDir: setup.basemapDir ?? null,
      ...(setup.wall ? { wall: setup.wall } : {}),
    },
    storage,
    dashboardDir: setup.dashboardDir ?? '/nonexistent',
    ...(setup.commitMode ? { commitMode: setup.commitMode } : {}),
    ...(setup.liveHistoryTicks ? { liveHistoryTicks: setup.liveHistoryTicks } : {}),
    ...(setup.liveGroupGraceMs !== undefined ? { liveGroupGraceMs: setup.liveGroupGraceMs } : {}),
    ...(setup.historySamples ? { historySamples: setup.historySamples } : {}),
    ...(setup.socketRecheckMs ? { socketRecheckMs: setup.socketRecheckMs } : {}),
    ...(setup.sessionClock ? { sessionClock: setup.sessionClock } : {}),
    ...(setup.signInSummaryMs ? { signInSummaryMs: setup.signInSummaryMs } : {}),
  });
  await app.ready();
  return app;
}

/** Creates the test's administrator account on the app's database and signs it in; answers its token. */
export async function signInAsAdmin(app: FastifyInstance): Promise<string> {
  return (await signIn(app, TEST_ADMIN, 'admin', { kind: 'everything' })).token;
}

/** The application on a fresh database of the dialect, optionally with a territory and its round loaded. */
export async function startTestServer(dialect: TestDialect, setup: Setup = {}): Promise<TestServer> {
  const { options, dispose } = await dialect.fresh();
  let app = await build(options, setup);
  const adminToken = await signInAsAdmin(app);
  if (setup.territory) {
    const { round, ...records } = setup.territory;
    await app.roster.loadTerritory(records);
    await app.roster.addRound(round);
  }
  return {
    get app() {
      return app;
    },
    adminToken,
    auth: { authorization: `Bearer ${adminToken}` },
    async restart() {
      await app.close();
      app = await build(options, setup);
    },
    async close() {
      await app.close();
      await dispose();
    },
  };
}
