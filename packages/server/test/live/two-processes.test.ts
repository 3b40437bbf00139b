import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { DEFAULT_LEVELS, NUCLEIC_ACID_RULES, NUCLEIC_ACID_TEMPLATE, type AreaCounts } from '@gridsweep/core';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStorage } from '../../src/db/open-database.js';
import { RoundRepository } from '../../src/repositories/round-repository.js';
import { TerritoryRepository } from '../../src/repositories/territory-repository.js';
import { PROCESS_ACCESS_ENV, PROCESS_WALL_TOKEN, signInAsProcessAdmin } from '../support/process-credentials.js';
import { smallTerritory, visitEvent, memberEvent } from '../support/small-territory.js';
import { connect, followCity, viewCounts } from './live-client.js';

const SERVER_DIR = fileURLToPath(new URL('../..', import.meta.url));
const databaseUrl = process.env.DATABASE_URL;
const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** A real server process on the shared database, with the Redis fan-out on; the first to start creates the admin. */
function startProcess(url: string): Promise<{ child: ChildProcess; base: string; port: number }> {
  const child = spawn(process.execPath, ['--conditions=@gridsweep/source', '--import', 'tsx', 'src/main.ts'], {
    cwd: SERVER_DIR,
    env: { ...process.env, ...PROCESS_ACCESS_ENV, DATABASE_URL: url, REDIS_URL: redisUrl, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', GRIDSWEEP_DEMO: 'off' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Server listening at http:\/\/127\.0\.0\.1:(\d+)/.exec(output);
      if (match) resolve({ child, base: `http://127.0.0.1:${match[1]}`, port: Number(match[1]) });
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
}

// Two processes cannot share an embedded PGlite folder, so this runs on PostgreSQL only (CI sets DATABASE_URL).
describe.skipIf(!databaseUrl)('two server processes behind one Redis', () => {
  const database = `gridsweep_fanout_${process.pid}`;
  const processes: ChildProcess[] = [];
  let url: string;
  let a: { base: string; port: number };
  let b: { base: string; port: number };

  beforeAll(async () => {
    const admin = new pg.Client({ connectionString: databaseUrl });
    await admin.connect();
    await admin.query(`drop database if exists ${database} with (force)`);
    await admin.query(`create database ${database}`);
    await admin.end();
    const target = new URL(databaseUrl!);
    target.pathname = `/${database}`;
    url = target.toString();
    const storage = await openStorage({ kind: 'postgres', url });
    const { round, ...records } = smallTerritory();
    await new TerritoryRepository(storage.db).load(records);
    await new RoundRepository(storage.db).insert(round);
    await storage.close();
    // One after the other: the first creates the administrator.
    for (const which of ['a', 'b'] as const) {
      const { child, ...address } = await startProcess(url);
      processes.push(child);
      if (which === 'a') a = address;
      else b = address;
    }
  });

  afterAll(async () => {
    for (const child of processes) child.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 500));
    const admin = new pg.Client({ connectionString: databaseUrl });
    await admin.connect();
    await admin.query(`drop database if exists ${database} with (force)`);
    await admin.end();
  });

  it('a dashboard on one process sees the counts of events and the roster writes of the other', async () => {
    // The dashboard follows B with the wall credential; the writes are the admin's, signed in on A.
    const socket = connect(b.port, PROCESS_WALL_TOKEN);
    const { client, received } = followCity(socket);
    await expect.poll(() => received.snapshots).toBe(1);
    const { auth } = await signInAsProcessAdmin(a.base);

    const response = await fetch(`${a.base}/api/v1/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...auth },
      body: JSON.stringify({ events: [visitEvent('mg2-b1-1-101'), memberEvent('mg2-b1-1-101', 'mg2-b1-1-101-m1')] }),
    });
    expect(response.status).toBe(200);
    const countsOnA = async () => {
      const reply = await fetch(`${a.base}/api/v1/rounds/r1/areas/mg2/counts`, { headers: { ...auth } });
      return ((await reply.json()) as { counts: AreaCounts }).counts;
    };
    const expected = await countsOnA();
    expect(expected.households.visited).toBe(1);
    await expect.poll(() => viewCounts(client).mg2, { timeout: 5000 }).toEqual(expected);

    // A household added through A is known to B: B counts it and accepts events for it, from the session opened on A.
    const added = await fetch(`${a.base}/api/v1/households`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...auth },
      body: JSON.stringify({ id: 'mg2-b1-1-901', buildingId: 'mg2-b1', unit: 1, floor: 9, room: '901' }),
    });
    expect(added.status).toBe(201);
    await expect.poll(() => viewCounts(client).mg2?.households.total, { timeout: 5000 }).toBe(expected.households.total + 1);
    const onB = await fetch(`${b.base}/api/v1/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...auth },
      body: JSON.stringify({ events: [visitEvent('mg2-b1-1-901')] }),
    });
    expect(onB.status).toBe(200);
    client.stop();
    socket.disconnect();
  });

  it('a template, rules, a round of them, its change of version and new level names made on one process are known to the other', async () => {
    const { auth } = await signInAsProcessAdmin(a.base);
    const send = async (base: string, method: string, path: string, body?: unknown) => {
      const response = await fetch(`${base}${path}`, { method, headers: { 'content-type': 'application/json', ...auth }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    };
    const welfare = { ...NUCLEIC_ACID_TEMPLATE, id: 'welfare-check', name: { zh: '独居老人探访', en: 'Welfare check' } };
    const withoutCodes = { ...welfare, version: 2, member: { ...welfare.member, marker: null }, measures: welfare.measures.filter((m) => m.kind !== 'markers'), quickFills: [] };
    // The rules before the second version: they are checked against the latest, whose goal could not count red codes.
    for (const [path, body] of [['/api/v1/templates', welfare], ['/api/v1/rules', { ...NUCLEIC_ACID_RULES, id: 'welfare-default', templateId: 'welfare-check' }], ['/api/v1/templates', withoutCodes]] as const) {
      expect((await send(a.base, 'POST', path, body)).status).toBe(201);
    }
    const round = { id: 'welfare', name: '探访', templateId: 'welfare-check', templateVersion: 1, rulesId: 'welfare-default', areaId: 'c', startsAt: Date.UTC(2022, 10, 14) };
    expect((await send(a.base, 'POST', '/api/v1/rounds', round)).status).toBe(201);
    expect((await send(a.base, 'PATCH', '/api/v1/rounds/welfare', { templateVersion: 2 })).status).toBe(200);
    const renamed = DEFAULT_LEVELS.map((level) => (level.id === 'grid' ? { ...level, name: { zh: '片区', en: 'Patch' } } : level));
    expect((await send(a.base, 'PUT', '/api/v1/levels', { levels: renamed })).status).toBe(200);

    await expect.poll(async () => (await send(b.base, 'GET', '/api/v1/levels')).body, { timeout: 5000 }).toEqual({ version: 2, levels: renamed });
    expect((await send(b.base, 'GET', '/api/v1/rounds/welfare/campaign')).body).toMatchObject({ round: { templateVersion: 2 }, template: { id: 'welfare-check', version: 2 }, rules: { id: 'welfare-default' } });
    expect(((await send(b.base, 'GET', '/api/v1/rounds/welfare/areas/c/counts')).body.counts as AreaCounts).markers).toEqual({});
    // B counts an event of the new template's round, with the session opened on A.
    const onB = await send(b.base, 'POST', '/api/v1/events', { events: [visitEvent('mg1-b1-1-101', { roundId: 'welfare' })] });
    expect(onB.body).toMatchObject({ results: [{ status: 'accepted' }] });
    await expect.poll(async () => ((await send(a.base, 'GET', '/api/v1/rounds/welfare/areas/c/counts')).body.counts as AreaCounts).households.visited, { timeout: 5000 }).toBe(1);
  });
});
