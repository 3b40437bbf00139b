// `pnpm bench:live`: the server in one process, dashboards in others, the load
// driver in another. Prints one JSON line per dashboard count: latency is from
// a probe event's HTTP acknowledgement to the delta holding it arriving at a
// dashboard; messagesPerSec counts deltas received by all dashboards. The
// dashboards connect with the wall token, the driver posts as a signed-in
// supervisor, and the per-user rate limit is off (bench-access.ts).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { BENCH_ACCESS } from './bench-access.js';
import { percentile } from './ingest-driver.js';

const SERVER_DIR = fileURLToPath(new URL('..', import.meta.url));
const EVENTS_PER_SEC = 2_000;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
/**
 * Seconds of full load before the first probe: a freshly started server and
 * dashboards compile their hot paths then, which takes a second or two on a
 * busy machine and is not what a wall running for days sees. 0 measures it too.
 */
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 2);
const DASHBOARDS_PER_PROCESS = 250;
/** PostgreSQL when DATABASE_URL is set (the database then works in its own processes), else the embedded PGlite. */
const DATABASE_URL = process.env.DATABASE_URL;
const PROFILE_DIR = process.env.BENCH_CPU_PROF;

/** A child process of this benchmark, read line by line. */
function run(script: string, args: string[], fromSources = true): { child: ChildProcess; nextLine(): Promise<string> } {
  // The server runs the core from its build (pnpm bench builds first): under tsx the engine is much slower.
  const conditions = fromSources ? ['--conditions=@gridsweep/source'] : [];
  // BENCH_CPU_PROF=<dir> writes a V8 CPU profile of every child process there, to read where the time goes.
  const profile = PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`] : [];
  const child = spawn(process.execPath, [...profile, ...conditions, '--import', 'tsx', script, ...args], {
    cwd: SERVER_DIR,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const queue: string[] = [];
  const waiting: ((line: string) => void)[] = [];
  let buffer = '';
  child.stdout.on('data', (chunk: Buffer) => {
    buffer += chunk.toString();
    let newline;
    while ((newline = buffer.indexOf('\n')) >= 0) {
      const line = buffer.slice(0, newline);
      buffer = buffer.slice(newline + 1);
      const waiter = waiting.shift();
      if (waiter) waiter(line);
      else queue.push(line);
    }
  });
  const nextLine = () =>
    new Promise<string>((resolve, reject) => {
      const line = queue.shift();
      if (line !== undefined) return resolve(line);
      waiting.push(resolve);
      child.once('close', (code) => reject(new Error(`${script} exited with ${code}`)));
    });
  return { child, nextLine };
}

const rssMb = (pid: number) => {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024);
};

async function measure(dashboards: number): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'gridsweep-bench-live-'));
  const schema = `bench_live_${process.pid}_${dashboards}`;
  const storage = DATABASE_URL ? { kind: 'postgres', url: DATABASE_URL, schema } : { kind: 'pglite', dataDir };
  const server = run('bench/serve.ts', [JSON.stringify({ storage, commitMode: 'grouped' })], false);
  const { url } = JSON.parse(await server.nextLine()) as { url: string };
  const processes = Math.ceil(dashboards / DASHBOARDS_PER_PROCESS);
  const watchers = Array.from({ length: processes }, (_, i) =>
    run('bench/live/live-dashboards.ts', [url, String(Math.min(DASHBOARDS_PER_PROCESS, dashboards - i * DASHBOARDS_PER_PROCESS)), String(WARMUP_SECONDS + SECONDS + 3)]),
  );
  await Promise.all(watchers.map((w) => w.nextLine()));
  const driver = run('bench/live/live-driver.ts', [url, String(EVENTS_PER_SEC), String(SECONDS), String(WARMUP_SECONDS)]);
  const load = JSON.parse(await driver.nextLine()) as { eventsPerSec: number; acks: (number | null)[] };
  const serverRss = rssMb(server.child.pid!);
  const results = (await Promise.all(watchers.map((w) => w.nextLine()))).map(
    (line) => JSON.parse(line) as { messages: number; arrivals: (number | null)[][]; sentAt: (number | null)[][]; load: unknown },
  );
  // From the server building the delta to a dashboard having applied it: the part of the latency that is not the wait for a tick.
  const deliveries: number[] = [];
  for (const { arrivals, sentAt } of results) {
    arrivals.forEach((seen, d) =>
      seen.forEach((arrival, k) => {
        const sent = sentAt[d]?.[k];
        if (arrival != null && sent != null) deliveries.push(arrival - sent);
      }),
    );
  }
  const latencies: number[] = [];
  let missed = 0;
  for (const { arrivals } of results) {
    for (const seen of arrivals) {
      load.acks.forEach((ack, k) => {
        if (ack === null || ack === undefined) return;
        const arrival = seen[k];
        if (arrival === null || arrival === undefined) missed++;
        else latencies.push(Math.max(0, arrival - ack));
      });
    }
  }
  // BENCH_DEBUG=1: each probe's [k, fastest, median, slowest latency, median wait for its delta] over the dashboards on stderr,
  // to tell warm-up and tick phase from steady state.
  if (process.env.BENCH_DEBUG) {
    const perProbe = load.acks.map((ack, k) => {
      if (ack == null) return null;
      const l = results.flatMap((r) => r.arrivals.map((seen) => (seen[k] ?? NaN) - ack)).sort((a, b) => a - b);
      const w = results.flatMap((r) => r.sentAt.map((sent) => (sent[k] ?? NaN) - ack)).sort((a, b) => a - b);
      return [k, Math.round(l[0]!), Math.round(l[l.length >> 1]!), Math.round(l[l.length - 1]!), Math.round(w[w.length >> 1]!)];
    });
    console.error(JSON.stringify(perProbe));
    console.error(JSON.stringify({ dashboardProcesses: results.map((r) => r.load) }));
  }
  const messages = results.reduce((sum, r) => sum + r.messages, 0);
  console.log(
    JSON.stringify({
      bench: 'live',
      db: storage.kind,
      dashboards,
      warmupSeconds: WARMUP_SECONDS,
      eventsPerSec: load.eventsPerSec,
      latencyP50Ms: Math.round(percentile(latencies, 50)),
      latencyP99Ms: Math.round(percentile(latencies, 99)),
      deliveryP50Ms: Math.round(percentile(deliveries, 50)),
      deliveryP99Ms: Math.round(percentile(deliveries, 99)),
      messagesPerSec: Math.round(messages / (WARMUP_SECONDS + SECONDS)),
      rssMb: serverRss,
      probesSeen: latencies.length,
      probesMissed: missed,
      rateLimitPerMinute: BENCH_ACCESS.rateLimitPerMinute,
    }),
  );
  server.child.kill('SIGTERM');
  await new Promise((resolve) => server.child.once('exit', resolve));
  rmSync(dataDir, { recursive: true, force: true });
  if (DATABASE_URL) await dropSchema(schema);
}

async function dropSchema(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: DATABASE_URL });
  await client.connect();
  await client.query(`drop schema if exists ${schema} cascade`);
  await client.end();
}

const DASHBOARD_COUNTS = (process.env.BENCH_DASHBOARDS ?? "200,1000").split(",").map(Number);
for (const dashboards of DASHBOARD_COUNTS) await measure(dashboards);
