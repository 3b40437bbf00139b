// One measured load, in a process of its own: `node ... load-roster.ts <lean|objects> '<storage json>'`.
// Prints one JSON line: the process's RSS after a full GC, before and after the load.
import { CountingEngine, Territory } from '@gridsweep/core';
import type { StorageOptions } from '../../src/db/open-database.js';
import { openStorage } from '../../src/db/open-database.js';
import { TerritoryRepository } from '../../src/repositories/territory-repository.js';
import { buildServer } from '../../src/server.js';
import { BENCH_ACCESS } from '../bench-access.js';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');
const collect = gc;
const settledRss = (): number => {
  collect();
  collect();
  return process.memoryUsage().rss;
};

const [mode, storageJson] = process.argv.slice(2) as ['lean' | 'objects', string];
const storage = JSON.parse(storageJson) as StorageOptions;
const before = settledRss();
const started = performance.now();
// Held to the end, so nothing loaded can be collected before the second reading.
let held: unknown;
if (mode === 'lean') {
  // The server as it starts: every plugin, the roster loaded into the counting engine.
  held = await buildServer({
    config: { port: 0, host: '127.0.0.1', dataDir: '', databaseUrl: null, logLevel: 'warn', access: BENCH_ACCESS },
    storage,
    dashboardDir: '/nonexistent',
  });
} else {
  // The roster before this change: every area, building, household and member as an object
  // in a Territory (names and phones included), beside the counting engine.
  const opened = await openStorage(storage);
  const records = await new TerritoryRepository(opened.db).all();
  const territory = new Territory();
  const engine = new CountingEngine();
  for (const area of records.areas) { territory.addArea(area); engine.addArea(area); }
  for (const building of records.buildings) { territory.addBuilding(building); engine.addBuilding(building); }
  for (const household of records.households) { territory.addHousehold(household); engine.addHousehold(household); }
  for (const member of records.members) { territory.addMember(member); engine.addMember(member); }
  held = { territory, engine, opened };
}
const loadMs = performance.now() - started;
const after = settledRss();
console.log(JSON.stringify({ mode, rssBefore: before, rssAfter: after, loadMs: Math.round(loadMs), held: held !== undefined }));
process.exit(0);
