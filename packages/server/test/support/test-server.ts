import type { FastifyInstance } from 'fastify';
import type { StorageOptions } from '../../src/db/open-database.js';
import type { CommitMode } from '../../src/ingest/event-ingest.js';
import { buildServer } from '../../src/server.js';
import type { TestDialect } from './dialects.js';
import type { SmallTerritory } from './small-territory.js';

export interface TestServer {
  readonly app: FastifyInstance;
  /** Closes the application and starts it again on the same database. */
  restart(): Promise<void>;
  close(): Promise<void>;
}

interface Setup {
  territory?: SmallTerritory;
  commitMode?: CommitMode;
  dashboardDir?: string;
  liveHistoryTicks?: number;
  historySamples?: number;
}

async function build(storage: StorageOptions, setup: Setup): Promise<FastifyInstance> {
  const app = await buildServer({
    config: { port: 0, host: '127.0.0.1', dataDir: '', databaseUrl: null, logLevel: 'silent' },
    storage,
    dashboardDir: setup.dashboardDir ?? '/nonexistent',
    ...(setup.commitMode ? { commitMode: setup.commitMode } : {}),
    ...(setup.liveHistoryTicks ? { liveHistoryTicks: setup.liveHistoryTicks } : {}),
    ...(setup.historySamples ? { historySamples: setup.historySamples } : {}),
  });
  await app.ready();
  return app;
}

/** The application on a fresh database of the dialect, optionally with a territory and its round loaded. */
export async function startTestServer(dialect: TestDialect, setup: Setup = {}): Promise<TestServer> {
  const { options, dispose } = await dialect.fresh();
  let app = await build(options, setup);
  if (setup.territory) {
    const { round, ...records } = setup.territory;
    await app.roster.loadTerritory(records);
    await app.roster.addRound(round);
  }
  return {
    get app() {
      return app;
    },
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
