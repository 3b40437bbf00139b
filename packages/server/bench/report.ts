// pnpm bench:report: the daily report XLSX of the 3 M-household city, every
// level down to its 65 000 micro-grids, asked over HTTP as a user would, timed
// from the request to the file's last byte. Heavy: the first run writes the city
// into its own PostgreSQL database (gridsweep_bench_city, kept for later runs)
// and every run loads it into a server, with no start-up time limit.
import { createHash } from 'node:crypto';
import { NUCLEIC_ACID_TEMPLATE, uuidV7, type SweepEvent } from '@gridsweep/core';
import { ensureFirstAdmin } from '../src/access/first-admin.js';
import { buildServer } from '../src/server.js';
import { BENCH_ACCESS, BENCH_ACCOUNTS, signIn } from './bench-access.js';
import { benchCity, forgetRun } from './bench-city-database.js';
import { startProfile } from './cpu-profile.js';
import { ExceljsSink } from './exceljs-sink.js';
import { timedWrite } from './report-writers.js';
import { XlsxSink } from '../src/reports/xlsx-sink.js';

const url = process.env.DATABASE_URL;
if (!url) throw new Error('bench:report reads a city from PostgreSQL: set DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/test)');
const HOUSEHOLDS = Number(process.env.BENCH_HOUSEHOLDS ?? 3_000_000);
/** One household in VISITED_EVERY is visited, its first member tested: the report has figures of every kind to write. */
const VISITED_EVERY = 3;
const print = (line: object) => console.log(JSON.stringify(line));
const md5 = (text: string) => createHash('md5').update(text).digest('hex').slice(0, 24);

const size = await benchCity(url, HOUSEHOLDS);
const { storage } = size;
const cityWriteMs = size.writeMs;
// A run stopped half-way leaves its round behind: the next one starts without it.
await forgetRun(storage, 'r1');
try {
  const loading = performance.now();
  const app = await buildServer({
    // startupTimeoutMs 0: reading 3 M households takes longer than a server's default start-up limit.
    config: { port: 0, host: '127.0.0.1', dataDir: '', databaseUrl: null, logLevel: 'warn', access: BENCH_ACCESS, startupTimeoutMs: 0 },
    storage,
    dashboardDir: '/nonexistent',
  });
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
  const profile = await startProfile(process.env.BENCH_CPU_PROFILE);
  const xlsx = await timed('xlsx');
  await profile.stop();
  const rssAfter = process.memoryUsage().rss;
  const csv = await timed('csv');
  const counts = app.counting.counts('r1', 'c');
  // The same report written in-process by the writer before ADR 0050 and by today's, one after the other.
  const baseline = await timedWrite(app, (out) => new ExceljsSink(out));
  const current = await timedWrite(app, (out) => new XlsxSink(out));
  print({ bench: 'report-writers', exceljsMs: baseline.ms, exceljsBytes: baseline.bytes, currentMs: current.ms, currentBytes: current.bytes, ratio: Math.round((baseline.ms / current.ms) * 10) / 10 });
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
  await forgetRun(storage, 'r1');
}
