// The server under test, in its own process: `node ... bench/serve.ts '<json options>'`.
// Loads the synthetic city, creates the bench accounts, listens on a free port,
// and prints one JSON line with its URL and how long the territory load took.
import { ensureFirstAdmin } from '../src/access/first-admin.js';
import type { StorageOptions } from '../src/db/open-database.js';
import type { CommitMode } from '../src/ingest/event-ingest.js';
import { buildServer } from '../src/server.js';
import { BENCH_ACCESS, BENCH_ACCOUNTS } from './bench-access.js';
import { syntheticCity } from './synthetic-city.js';
import { serverDiagnostics } from './live/server-diagnostics.js';

interface ServeOptions {
  storage: StorageOptions;
  commitMode: CommitMode;
}

const options = JSON.parse(process.argv[2] ?? '{}') as ServeOptions;
const app = await buildServer({
  config: { port: 0, host: '127.0.0.1', dataDir: '', databaseUrl: null, logLevel: 'warn', access: BENCH_ACCESS },
  storage: options.storage,
  commitMode: options.commitMode,
  dashboardDir: '/nonexistent',
});
const { round, ...city } = syntheticCity();
const started = performance.now();
await app.territoryRepository.load(city);
const storeMs = performance.now() - started;
const mirrorStarted = performance.now();
// The rows are in; mirror them in memory as a start-up would, without writing them again.
await app.roster.load();
const mirrorMs = performance.now() - mirrorStarted;
await app.roster.addRound(round);
// The admin as a fresh server makes it (main.ts), and the supervisor of the whole city that posts the events.
await ensureFirstAdmin(app.access.users, BENCH_ACCESS.adminPassword);
await app.access.users.create({ ...BENCH_ACCOUNTS.supervisor, displayName: 'Bench supervisor', role: 'supervisor', scope: { kind: 'areas', areaIds: [round.areaId] } });
const address = await app.listen({ port: 0, host: '127.0.0.1' });
console.log(
  JSON.stringify({
    url: address,
    households: city.households.length,
    members: city.members.length,
    storeMs: Math.round(storeMs),
    mirrorMs: Math.round(mirrorMs),
    householdIds: city.households.filter((h) => !h.vacant).length,
  }),
);
// BENCH_DEBUG=1: the server's event-loop delay, the stream's flush times and delta sizes, and its CPU time, on stderr at the end.
const diagnostics = process.env.BENCH_DEBUG ? serverDiagnostics(app) : undefined;
process.once('SIGTERM', () => {
  diagnostics?.();
  app.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
});
