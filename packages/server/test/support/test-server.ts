import type { FastifyInstance } from 'fastify';
import type { CommitMode } from '../../src/ingest/event-ingest.js';
import { buildServer } from '../../src/server.js';
import type { TestDialect } from './dialects.js';
import type { SmallTerritory } from './small-territory.js';

export interface TestServer {
  readonly app: FastifyInstance;
  close(): Promise<void>;
}

/** The application on a fresh database of the dialect, optionally with a territory and its round loaded. */
export async function startTestServer(
  dialect: TestDialect,
  setup: { territory?: SmallTerritory; commitMode?: CommitMode; dashboardDir?: string } = {},
): Promise<TestServer> {
  const { options, dispose } = await dialect.fresh();
  const app = await buildServer({
    config: { port: 0, host: '127.0.0.1', dataDir: '', databaseUrl: null, logLevel: 'silent' },
    storage: options,
    dashboardDir: setup.dashboardDir ?? '/nonexistent',
    ...(setup.commitMode ? { commitMode: setup.commitMode } : {}),
  });
  await app.ready();
  if (setup.territory) {
    const { round, ...records } = setup.territory;
    await app.roster.loadTerritory(records);
    await app.roster.addRound(round);
  }
  return {
    app,
    async close() {
      await app.close();
      await dispose();
    },
  };
}
