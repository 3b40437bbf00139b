import { spawn } from 'node:child_process';
import { request } from 'node:http';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/dialects.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

// Every 127.x.y.z is this machine: the flood and the real user come from different addresses, as over a network.
const ATTACKER = '127.0.0.3';
const QUIET = '127.0.0.2';
const FLOODER = join(import.meta.dirname, '..', 'support', 'sign-in-flooder.mjs');
const OWNER = { username: 'zhang.wei', password: 'a-real-password-77' };

/** POST /api/v1/auth/login over real HTTP from `localAddress`; answers the status and how long it took. */
function signInFrom(port: number, localAddress: string, body: unknown): Promise<{ status: number; ms: number }> {
  const payload = JSON.stringify(body);
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const call = request(
      { host: '127.0.0.1', port, localAddress, method: 'POST', path: '/api/v1/auth/login', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } },
      (response) => {
        response.resume();
        response.on('end', () => resolve({ status: response.statusCode ?? 0, ms: performance.now() - started }));
      },
    );
    call.on('error', reject);
    call.end(payload);
  });
}

/** The flood runs in a process of its own, as an attacker's machine would: its work is not the server's. */
async function flood100PerSecond(port: number): Promise<{ sent: number; statuses: Record<string, number> }> {
  const child = spawn(process.execPath, [FLOODER, String(port), ATTACKER, '100', '10'], { stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await new Promise((resolve) => child.on('exit', resolve));
  return JSON.parse(output) as { sent: number; statuses: Record<string, number> };
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

describe('sign-in under an anonymous flood', () => {
  let server: TestServer;
  let port: number;
  const auditRows = async () => Number((await sql<{ n: string }>`select count(*) as n from audit_log`.execute(server.app.storage.db)).rows[0]!.n);

  beforeAll(async () => {
    server = await startTestServer(DIALECTS[0]!, { signInSummaryMs: 1_000 });
    await server.app.access.users.create({ username: OWNER.username, displayName: '张伟', role: 'supervisor', scope: { kind: 'everything' }, password: OWNER.password });
    await server.app.listen({ port: 0, host: '127.0.0.1' });
    port = (server.app.server.address() as { port: number }).port;
  });
  afterAll(async () => server.close());

  it('of 100 made-up sign-ins a second for 10 s leaves a real user signing in fast from elsewhere, with a handful of audit rows', async () => {
    const rowsBefore = await auditRows();
    const quiet: number[] = [];
    for (let i = 0; i < 10; i++) quiet.push((await signInFrom(port, QUIET, OWNER)).ms);
    const ownerTimes: number[] = [];
    const started = Date.now();
    const running = () => Date.now() - started < 10_000;
    const flood = flood100PerSecond(port);
    // Real users sign in four times a second between them while the flood goes on.
    const owner = (async () => {
      while (running()) {
        // Real users at their own addresses: each address signs in a few times, as a phone or a desk does.
        const { status, ms } = await signInFrom(port, `127.0.1.${ownerTimes.length % 200}`, OWNER);
        expect(status).toBe(200);
        ownerTimes.push(ms);
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    })();
    await owner;
    const { sent, statuses } = await flood;
    const floodStatuses = new Map(Object.entries(statuses).map(([status, count]) => [Number(status), count]));
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const rowsAdded = (await auditRows()) - rowsBefore;
    const p95 = percentile(ownerTimes, 95);
    console.log(JSON.stringify({ test: 'sign-in-flood', floodAttempts: sent, floodStatuses: Object.fromEntries(floodStatuses), ownerSignIns: ownerTimes.length, ownerP50Ms: Math.round(percentile(ownerTimes, 50)), ownerP95Ms: Math.round(p95), ownerQuietMedianMs: Math.round(percentile(quiet, 50)), auditRowsAdded: rowsAdded }));
    // A hundred a second, less what a loaded machine's timers lose.
    expect(sent).toBeGreaterThanOrEqual(800);
    expect(floodStatuses.get(429) ?? 0).toBeGreaterThan(sent / 2);
    expect([...floodStatuses.keys()].every((status) => status === 401 || status === 429)).toBe(true);
    expect(ownerTimes.length).toBeGreaterThanOrEqual(20);
    // Of the flood, only the address's burst and its refill reach the hash; the rest is refused before hashing.
    expect(floodStatuses.get(401) ?? 0).toBeLessThanOrEqual(20 + 11);
    // The bound is 500 ms against a 41 ms quiet sign-in; on a machine that is itself slower (shared
    // cores), the bound grows with its own quiet sign-in, so what is checked is the flood's effect, not the box.
    expect(p95).toBeLessThanOrEqual(Math.max(500, 4 * percentile(quiet, 50)));
    // One summary row per address and second here (a minute by default), plus the owner's own sign-ins.
    expect(rowsAdded - ownerTimes.length - quiet.length).toBeLessThanOrEqual(15);
  }, 60_000);

  it('lets the owner of a username locked from one address sign in from another', async () => {
    for (let i = 0; i < 10; i++) expect((await signInFrom(port, '127.0.0.4', { username: OWNER.username, password: 'wrong-password' })).status).toBe(401);
    expect((await signInFrom(port, '127.0.0.4', OWNER)).status).toBe(429);
    expect((await signInFrom(port, '127.0.0.5', OWNER)).status).toBe(200);
  });

  it('summarises the failed attempts of an address in one audit row naming the usernames tried', async () => {
    for (const username of ['ghost-1', 'ghost-2', 'ghost-1']) await signInFrom(port, '127.0.0.6', { username, password: 'wrong-password' });
    // Summaries go out every second here: the three attempts may straddle two of them.
    const tried = async () => {
      const rows = (await server.app.access.audit.recent({ limit: 50 })).filter((entry) => entry.target === 'address:127.0.0.6');
      const usernames: Record<string, number> = {};
      for (const row of rows) {
        expect(row).toMatchObject({ actorId: 'anonymous', action: 'session.login-failed', source: '127.0.0.6' });
        for (const [name, count] of Object.entries(row.detail.usernames as Record<string, number>)) usernames[name] = (usernames[name] ?? 0) + count;
      }
      return { rows: rows.length <= 2, usernames };
    };
    await expect.poll(tried, { timeout: 5_000 }).toEqual({ rows: true, usernames: { 'ghost-1': 2, 'ghost-2': 1 } });
  });
});
