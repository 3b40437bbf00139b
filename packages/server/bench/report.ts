// pnpm bench:report: the daily report XLSX of the 3 M-household city, every
// level down to its 65 000 micro-grids, asked over HTTP as a user would, timed
// from the request to the file's last byte. Heavy: it writes the city into
// PostgreSQL first (as bench:roster does) and loads it into a server.
import { createHash } from 'node:crypto';
import { NUCLEIC_ACID_TEMPLATE, uuidV7, type SweepEvent } from '@gridsweep/core';
import pg from 'pg';
import { ensureFirstAdmin } from '../src/access/first-admin.js';
import { openStorage, type StorageOptions } from '../src/db/open-database.js';
import { buildServer } from '../src/server.js';
import { BENCH_ACCESS, BENCH_ACCOUNTS, signIn } from './bench-access.js';
import { writeCity } from './roster/city-rows.js';

const url = process.env.DATABASE_URL;
if (!url) throw new Error('bench:report reads a city from PostgreSQL: set DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/test)');
const HOUSEHOLDS = Number(process.env.BENCH_HOUSEHOLDS ?? 3_000_000);
/** One household in VISITED_EVERY is visited, its first member tested: the report has figures of every kind to write. */
const VISITED_EVERY = 3;
const print = (line: object) => console.log(JSON.stringify(line));
const md5 = (text: string) => createHash('md5').update(text).digest('hex').slice(0, 24);

const schema = `bench_report_${process.pid}`;
const storage: StorageOptions = { kind: 'postgres', url, schema, poolSize: 4 };
try {
  const city = await openStorage(storage);
  const written = performance.now();
  const size = await writeCity(city.db, HOUSEHOLDS);
  await city.close();
  const cityWriteMs = Math.round(performance.now() - written);

  const loading = performance.now();
  const app = await buildServer({ config: { port: 0, host: '127.0.0.1', dataDir: '', databaseUrl: null, logLevel: 'warn', access: BENCH_ACCESS }, storage, dashboardDir: '/nonexistent' });
  await app.ready();
  const loadMs = Math.round(performance.now() - loading);
  await ensureFirstAdmin(app.access.users, BENCH_ACCESS.adminPassword);
  const startsAt = Date.UTC(2022, 10, 14);
  await app.roster.addRound({ id: 'r1', name: '11-14 全员核酸', templateId: NUCLEIC_ACID_TEMPLATE.id, templateVersion: 1, rulesId: 'nucleic-acid-default', rulesVersion: 1, areaId: 'c', startsAt });
  // Counted straight into the engine (not stored): the bench measures the report, not the ingest.
  let batch: SweepEvent[] = [];
  for (let g = 0; g < HOUSEHOLDS; g += VISITED_EVERY) {
    const householdId = `h-${md5(`h${g}`)}`;
    const deviceTime = startsAt + 3_600_000 + g;
    batch.push({ id: uuidV7(deviceTime), deviceTime, roundId: 'r1', workerId: 'bench', householdId, values: { outcome: 'visited' } });
    batch.push({ id: uuidV7(deviceTime), deviceTime, roundId: 'r1', workerId: 'bench', householdId, memberId: `m-${md5(`m${g}-0`)}`, values: { test: 'tested', code: g % 300 === 0 ? 'red' : 'green' } });
    if (batch.length >= 100_000) {
      app.counting.applyStored(batch);
      batch = [];
    }
  }
  app.counting.applyStored(batch);

  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  const token = await signIn(base, BENCH_ACCOUNTS.admin);
  const timed = async (format: 'xlsx' | 'csv') => {
    const started = performance.now();
    const response = await fetch(`${base}/api/v1/rounds/r1/areas/c/report?format=${format}`, { headers: { authorization: `Bearer ${token}` } });
    if (response.status !== 200 || !response.body) throw new Error(`the report answered ${response.status}: ${await response.text()}`);
    let bytes = 0;
    for await (const chunk of response.body) bytes += (chunk as Uint8Array).byteLength;
    return { ms: Math.round(performance.now() - started), bytes };
  };
  const rssBefore = process.memoryUsage().rss;
  const xlsx = await timed('xlsx');
  const rssAfter = process.memoryUsage().rss;
  const csv = await timed('csv');
  const counts = app.counting.counts('r1', 'c');
  print({ bench: 'report', households: size.households, microgrids: size.microgrids, reportMs: xlsx.ms });
  print({
    bench: 'report-detail',
    areas: app.roster.territory.size.areas,
    xlsxBytes: xlsx.bytes,
    csvMs: csv.ms,
    csvBytes: csv.bytes,
    visited: counts.households.visited,
    rssGrowthMbDuringXlsx: Math.round((rssAfter - rssBefore) / 1024 / 1024),
    serverLoadMs: loadMs,
    cityWriteMs,
  });
  await app.close();
} finally {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(`drop schema if exists ${schema} cascade`);
  await client.end();
}
