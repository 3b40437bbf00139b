// `pnpm bench:ingest`: drives the server over real HTTP from this process while
// the server runs in a child, 100 devices posting batches of 10 events. Prints
// one JSON line per database (and one for the paced run, one for the territory
// load). The baseline is the same server writing one INSERT in one transaction
// per event, measured in the same run. The devices post as one signed-in
// supervisor of the whole city, with the per-user rate limit off (bench-access.ts).
import { uuidV7, type SweepEvent } from '@gridsweep/core';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import type { StorageOptions } from '../src/db/open-database.js';
import type { CommitMode } from '../src/ingest/event-ingest.js';
import { BENCH_ACCESS, BENCH_ACCOUNTS, signIn } from './bench-access.js';
import { drive, percentile } from './ingest-driver.js';
import { syntheticCity } from './synthetic-city.js';

const DEVICES = 100;
const BATCH = 10;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const PACED_EVENTS_PER_SEC = 2_000;
const WARM_UP_SECONDS = 4;
const SERVER_DIR = fileURLToPath(new URL('..', import.meta.url));

const city = syntheticCity();
const OUTCOMES = ['visited', 'visited', 'visited', 'no_answer', 'refused'];
const TESTS = ['tested', 'tested', 'tested', 'not_tested', 'exempt', 'away'];
let seed = 1;
const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648);
let clock = Date.UTC(2022, 10, 14, 8);

function nextEvent(): SweepEvent {
  clock += 1;
  const member = city.members[Math.floor(random() * city.members.length)]!;
  const base = { id: uuidV7(clock, random), deviceTime: clock, roundId: city.round.id, workerId: `w${Math.floor(random() * 300)}`, householdId: member.householdId };
  return random() < 0.3
    ? { ...base, values: { outcome: OUTCOMES[Math.floor(random() * OUTCOMES.length)]! } }
    : { ...base, memberId: member.id, values: { test: TESTS[Math.floor(random() * TESTS.length)]! } };
}

const nextBatch = () => JSON.stringify({ events: Array.from({ length: BATCH }, nextEvent) });

interface Started {
  url: string;
  households: number;
  members: number;
  storeMs: number;
  mirrorMs: number;
  stop(): Promise<void>;
}

interface Served extends Started {
  /** The supervisor's session: the devices post with it. */
  token: string;
  /** The admin's session: reads the ingest counters. */
  adminToken: string;
}

function start(storage: StorageOptions, commitMode: CommitMode): Promise<Started> {
  const child = spawn(process.execPath, ['--conditions=@gridsweep/source', '--import', 'tsx', 'bench/serve.ts', JSON.stringify({ storage, commitMode })], {
    cwd: SERVER_DIR,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const line = output.split('\n').find((l) => l.startsWith('{"url"'));
      if (!line) return;
      output = '';
      const info = JSON.parse(line) as Omit<Started, 'stop'>;
      resolve({ ...info, stop: async () => void (child.kill('SIGTERM'), await exited) });
    });
    child.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
  });
}

/** The bench server, signed in to as the devices' supervisor and as the admin. */
async function serve(storage: StorageOptions, commitMode: CommitMode): Promise<Served> {
  const started = await start(storage, commitMode);
  try {
    const [token, adminToken] = await Promise.all([signIn(started.url, BENCH_ACCOUNTS.supervisor), signIn(started.url, BENCH_ACCOUNTS.admin)]);
    return { ...started, token, adminToken };
  } catch (error) {
    await started.stop();
    throw error;
  }
}

async function ingestStats(server: Served): Promise<{ commits: number; events: number }> {
  const response = await fetch(`${server.url}/api/v1/ingest/stats`, { headers: { authorization: `Bearer ${server.adminToken}` } });
  if (response.status !== 200) throw new Error(`ingest stats answered ${response.status}`);
  return (await response.json()) as { commits: number; events: number };
}

async function measure(storage: () => Promise<{ options: StorageOptions; dispose: () => Promise<void> }>, db: string): Promise<void> {
  const grouped = await storage();
  const server = await serve(grouped.options, 'grouped');
  console.log(JSON.stringify({ bench: 'territory-load', db, households: server.households, members: server.members, storeMs: server.storeMs, mirrorMs: server.mirrorMs }));
  // The paced run goes first: it measures latency at a steady 2 000 events/s, not the recovery from a saturating burst.
  // Its warm-up is long enough for V8 to finish optimising PGlite's WebAssembly in the background, which on two
  // cores otherwise stalls the first seconds of a fresh process.
  await drive(server.url, { token: server.token, devices: DEVICES, batchSize: BATCH, seconds: WARM_UP_SECONDS, pacedEventsPerSec: PACED_EVENTS_PER_SEC }, nextBatch);
  const paced = await drive(server.url, { token: server.token, devices: DEVICES, batchSize: BATCH, seconds: SECONDS, pacedEventsPerSec: PACED_EVENTS_PER_SEC }, nextBatch);
  await drive(server.url, { token: server.token, devices: DEVICES, batchSize: BATCH, seconds: 1 }, nextBatch);
  const before = await ingestStats(server);
  const run = await drive(server.url, { token: server.token, devices: DEVICES, batchSize: BATCH, seconds: SECONDS }, nextBatch);
  const after = await ingestStats(server);
  await server.stop();
  await grouped.dispose();

  const single = await storage();
  const baselineServer = await serve(single.options, 'per-event');
  await drive(baselineServer.url, { token: baselineServer.token, devices: DEVICES, batchSize: BATCH, seconds: 1 }, nextBatch);
  const baseline = await drive(baselineServer.url, { token: baselineServer.token, devices: DEVICES, batchSize: BATCH, seconds: SECONDS }, nextBatch);
  await baselineServer.stop();
  await single.dispose();

  const round = (x: number, digits = 1) => Number(x.toFixed(digits));
  console.log(
    JSON.stringify({
      bench: 'ingest',
      db,
      eventsPerSec: Math.round(run.events / run.seconds),
      ackP50Ms: round(percentile(run.ackMs, 50)),
      ackP99Ms: round(percentile(run.ackMs, 99)),
      eventsPerCommit: round((after.events - before.events) / Math.max(1, after.commits - before.commits)),
      baselineEventsPerSec: Math.round(baseline.events / baseline.seconds),
      rateLimitPerMinute: BENCH_ACCESS.rateLimitPerMinute,
    }),
  );
  console.log(
    JSON.stringify({
      bench: 'ingest-paced',
      db,
      targetEventsPerSec: PACED_EVENTS_PER_SEC,
      eventsPerSec: Math.round(paced.events / paced.seconds),
      ackP50Ms: round(percentile(paced.ackMs, 50)),
      ackP99Ms: round(percentile(paced.ackMs, 99)),
      rateLimitPerMinute: BENCH_ACCESS.rateLimitPerMinute,
    }),
  );
}

async function pgliteStorage() {
  const dataDir = mkdtempSync(join(tmpdir(), 'gridsweep-bench-'));
  return { options: { kind: 'pglite' as const, dataDir }, dispose: async () => rmSync(dataDir, { recursive: true, force: true }) };
}

function postgresStorage(url: string) {
  return async () => {
    const schema = `bench_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
    return {
      options: { kind: 'postgres' as const, url, schema },
      dispose: async () => {
        const client = new pg.Client({ connectionString: url });
        await client.connect();
        await client.query(`drop schema if exists ${schema} cascade`);
        await client.end();
      },
    };
  };
}

if (process.env.DATABASE_URL && !process.env.BENCH_ONLY_PGLITE) await measure(postgresStorage(process.env.DATABASE_URL), 'postgres');
await measure(pgliteStorage, 'pglite');
