// pnpm bench:roster: what the server holds per household once a city is loaded,
// against the object-per-record roster it replaced, measured in the same run.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { openStorage, type StorageOptions } from '../src/db/open-database.js';
import { writeCity } from './roster/city-rows.js';

const url = process.env.DATABASE_URL;
if (!url) throw new Error('bench:roster measures a load from PostgreSQL: set DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/test)');
const HOUSEHOLDS = Number(process.env.BENCH_HOUSEHOLDS ?? 3_000_000);
const loader = fileURLToPath(new URL('./roster/load-roster.ts', import.meta.url));
const print = (line: object) => console.log(JSON.stringify(line));
const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);

interface Reading {
  readonly rssBefore: number;
  readonly rssAfter: number;
  readonly loadMs: number;
}

function measure(mode: 'lean' | 'objects', storage: StorageOptions): Reading {
  const run = spawnSync(process.execPath, ['--expose-gc', '--max-old-space-size=20000', '--conditions=@gridsweep/source', '--import', 'tsx', loader, mode, JSON.stringify(storage)], {
    encoding: 'utf8',
    maxBuffer: 1 << 24,
  });
  const line = run.stdout.split('\n').find((l) => l.startsWith('{'));
  if (run.status !== 0 || !line) throw new Error(`the ${mode} load failed:\n${run.stderr}`);
  return JSON.parse(line) as Reading;
}

async function withSchema<T>(name: string, use: (storage: StorageOptions) => Promise<T>): Promise<T> {
  const storage: StorageOptions = { kind: 'postgres', url: url!, schema: name, poolSize: 4 };
  try {
    return await use(storage);
  } finally {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(`drop schema if exists ${name} cascade`);
    await client.end();
  }
}

await withSchema(`bench_roster_empty_${process.pid}`, async (emptyStorage) => {
  const opened = await openStorage(emptyStorage);
  await opened.close();
  // A server on an empty database: what the process costs before any roster.
  const empty = measure('lean', emptyStorage);
  await withSchema(`bench_roster_${process.pid}`, async (storage) => {
    const city = await openStorage(storage);
    const started = performance.now();
    const size = await writeCity(city.db, HOUSEHOLDS);
    await city.close();
    const writeMs = performance.now() - started;
    const lean = measure('lean', storage);
    const objects = measure('objects', storage);
    // A negative reading for the empty server is the collector's noise: it is not taken off the roster's figure.
    const leanBytes = lean.rssAfter - lean.rssBefore - Math.max(0, empty.rssAfter - empty.rssBefore);
    const baselineBytes = objects.rssAfter - objects.rssBefore;
    print({
      bench: 'roster-memory',
      households: size.households,
      rssMbAfterLoad: mb(lean.rssAfter),
      bytesPerHousehold: Math.round(leanBytes / size.households),
      baselineBytesPerHousehold: Math.round(baselineBytes / size.households),
    });
    print({
      bench: 'roster-memory-detail',
      members: size.members,
      microgrids: size.microgrids,
      ratio: Math.round((leanBytes / baselineBytes) * 1000) / 1000,
      emptyServerMb: mb(empty.rssAfter - empty.rssBefore),
      leanLoadMs: lean.loadMs,
      baselineLoadMs: objects.loadMs,
      baselineRssMbAfterLoad: mb(objects.rssAfter),
      cityWriteMs: Math.round(writeMs),
    });
  });
});
