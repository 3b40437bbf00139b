// One database's measurement for bench:import, in a process of its own so its
// RSS is the import's alone. Prints one JSON line.
import { NUCLEIC_ACID_TEMPLATE } from '@gridsweep/core';
import { openStorage, type StorageOptions } from '../../src/db/open-database.js';
import { importRoster } from '../../src/imports/roster-import.js';
import { TerritoryRepository } from '../../src/repositories/territory-repository.js';
import { benchTerritory } from './bench-territory.js';
import { oneAtATime } from './one-at-a-time.js';

const [storageJson, path, householdsText, sampleText] = process.argv.slice(2);
const storage = JSON.parse(storageJson!) as StorageOptions;
const households = Number(householdsText);
const opened = await openStorage(storage);
await new TerritoryRepository(opened.db).load(benchTerritory(households));

const baseline = await oneAtATime(opened.db, path!, Number(sampleText));

global.gc?.();
const rssBefore = process.memoryUsage().rss;
let rssPeak = rssBefore;
const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, process.memoryUsage().rss)), 20);
const started = performance.now();
const { report } = await importRoster(opened.db, {
  path: path!,
  areaId: 'cm',
  groups: NUCLEIC_ACID_TEMPLATE.specialGroups,
  dryRun: false,
  actor: { id: 'bench', role: 'admin' },
  thisYear: 2026,
});
const ms = performance.now() - started;
clearInterval(sampler);
rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
await opened.close();
if (!report.committed) throw new Error(`the import wrote nothing: ${JSON.stringify(report.problems.slice(0, 5))}`);
console.log(
  JSON.stringify({
    rows: report.rows,
    households: report.households.add,
    members: report.members.add,
    ms: Math.round(ms),
    rssGrowthMb: Math.round((rssPeak - rssBefore) / 1024 / 1024),
    baselineRows: baseline.rows,
    baselineMs: Math.round(baseline.ms),
  }),
);
