// pnpm bench:import: a 100 000-household roster XLSX (about 260 000 member
// rows) imported on PostgreSQL (when DATABASE_URL is set) and on PGlite, with
// the peak RSS growth during the import and, in the same run, the speed of
// writing a sample one row at a time. One JSON line per database.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import type { StorageOptions } from '../src/db/open-database.js';
import { benchTerritory, writeRosterXlsx } from './import/bench-territory.js';

const HOUSEHOLDS = Number(process.env.BENCH_HOUSEHOLDS ?? 100_000);
const SAMPLE = Number(process.env.BENCH_SAMPLE_ROWS ?? 2_000);
const runner = fileURLToPath(new URL('./import/run-import.ts', import.meta.url));
const folder = mkdtempSync(join(tmpdir(), 'gridsweep-bench-import-'));

interface Measured {
  rows: number;
  households: number;
  members: number;
  ms: number;
  rssGrowthMb: number;
  baselineRows: number;
  baselineMs: number;
}

function measure(storage: StorageOptions, path: string): Measured {
  const run = spawnSync(process.execPath, ['--expose-gc', '--conditions=@gridsweep/source', '--import', 'tsx', runner, JSON.stringify(storage), path, String(HOUSEHOLDS), String(SAMPLE)], {
    encoding: 'utf8',
    maxBuffer: 1 << 24,
  });
  const line = run.stdout.split('\n').find((l) => l.startsWith('{'));
  if (run.status !== 0 || !line) throw new Error(`the import on ${storage.kind} failed:\n${run.stderr}`);
  return JSON.parse(line) as Measured;
}

try {
  const path = join(folder, 'roster.xlsx');
  const started = performance.now();
  const rows = await writeRosterXlsx(path, benchTerritory(HOUSEHOLDS), HOUSEHOLDS);
  process.stderr.write(`wrote ${rows} rows (${Math.round(statSync(path).size / 1024 / 1024)} MB) in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
  const databases: StorageOptions[] = [];
  const url = process.env.DATABASE_URL;
  const schema = `bench_import_${process.pid}`;
  if (url) databases.push({ kind: 'postgres', url, schema, poolSize: 4 });
  else process.stderr.write('DATABASE_URL is not set: measuring PGlite only\n');
  databases.push({ kind: 'pglite', dataDir: join(folder, 'pglite') });
  for (const storage of databases) {
    try {
      const m = measure(storage, path);
      const rowsPerSec = Math.round(m.rows / (m.ms / 1000));
      const baselineRowsPerSec = Math.round(m.baselineRows / (m.baselineMs / 1000));
      console.log(
        JSON.stringify({
          bench: 'import',
          db: storage.kind,
          households: m.households,
          rows: m.rows,
          members: m.members,
          seconds: Math.round(m.ms / 100) / 10,
          rowsPerSec,
          peakRssGrowthMb: m.rssGrowthMb,
          baselineRowsPerSec,
          baselineSampleRows: m.baselineRows,
          speedup: Math.round((rowsPerSec / baselineRowsPerSec) * 10) / 10,
        }),
      );
    } finally {
      if (storage.kind === 'postgres') {
        const client = new pg.Client({ connectionString: storage.url });
        await client.connect();
        await client.query(`drop schema if exists ${schema} cascade`);
        await client.end();
      }
    }
  }
} finally {
  rmSync(folder, { recursive: true, force: true });
}
