import type { ClientToServerEvents, SubscribeReplyV1, SubmitEventsReplyV1 } from '@gridsweep/core';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/dialects.js';
import { PERSONAL_DATA, signIn, wallAuth, type SignedIn } from '../support/accounts.js';
import { smallTerritory, visitEvent } from '../support/small-territory.js';
import { startTestServer, TEST_ADMIN, type TestServer } from '../support/test-server.js';
import { connect, type LiveTestSocket } from '../live/live-client.js';
import { PROBES, urlFor, type Targets } from './route-probes.js';

// Micro-grid A (mg1) and micro-grid B (mg2) are siblings of one grid.
const B: Targets = { areaId: 'mg2', buildingId: 'mg2-b1', householdId: 'mg2-b1-1-101', memberId: 'mg2-b1-1-101-m1', roundId: 'r1', userId: TEST_ADMIN };
const A: Targets = { areaId: 'mg1', buildingId: 'mg1-b1', householdId: 'mg1-b1-1-101', memberId: 'mg1-b1-1-101-m1', roundId: 'r1', userId: TEST_ADMIN };
const B_IDS = /mg2/;
// Ids that exist nowhere: an answer about B must be the one these get.
const NOWHERE: Targets = { areaId: 'no-such-area', buildingId: 'no-such-building', householdId: 'no-such-household', memberId: 'no-such-member', roundId: 'r1', userId: TEST_ADMIN };
const TABLES = ['areas', 'buildings', 'households', 'members', 'roster_changes', 'rounds', 'events', 'users', 'campaign_templates', 'counting_rules', 'territory_levels'] as const;

describe('the isolation matrix, from the route table and the socket event map', () => {
  let server: TestServer;
  let accountsOfA: SignedIn[];
  let countsOnly: SignedIn[];

  beforeAll(async () => {
    server = await startTestServer(DIALECTS.at(-1)!, { territory: smallTerritory(), access: { rateLimitPerMinute: 0 } });
    const { app } = server;
    accountsOfA = [
      await signIn(app, 'worker-a', 'worker', { kind: 'areas', areaIds: ['mg1'] }),
      await signIn(app, 'supervisor-a', 'supervisor', { kind: 'areas', areaIds: ['mg1'] }),
      await signIn(app, 'resident-a', 'resident', { kind: 'household', householdId: A.householdId }),
    ];
    countsOnly = [await signIn(app, 'commander', 'commander', { kind: 'areas', areaIds: ['c'] }), wallAuth(app)];
  }, 60_000);
  afterAll(async () => server.close());

  async function rowCounts(): Promise<Record<string, number>> {
    const counts: Record<string, number> = {};
    for (const table of TABLES) {
      const { rows } = await sql<{ n: string | number }>`select count(*) as n from ${sql.table(table)}`.execute(server.app.storage.db);
      counts[table] = Number(rows[0]!.n);
    }
    return counts;
  }

  const apiRoutes = () => server.app.access.routes.filter((route) => route.url.startsWith('/api/v1/'));

  it('has a probe for every route of the table, so a new route cannot escape the matrix', () => {
    const missing = apiRoutes().map((route) => `${route.method} ${route.url}`).filter((key) => !(key in PROBES));
    expect(missing).toEqual([]);
  });

  it("aims every listing probe where an administrator's answer names B, so that finding nothing of B in it means something", async () => {
    const listings = Object.entries(PROBES).filter(([, probe]) => probe.listsB);
    expect(listings).not.toHaveLength(0);
    for (const [key, probe] of listings) {
      const [method, url] = key.split(' ') as [string, string];
      const response = await server.app.inject({ method: method as 'GET', url: urlFor(url, B, probe), headers: server.auth });
      expect(response.statusCode, key).toBe(200);
      expect(response.body, key).toMatch(B_IDS);
    }
  });

  it('answers 401 on every route without credentials or with a made-up token, except login', async () => {
    for (const route of apiRoutes()) {
      const probe = PROBES[`${route.method} ${route.url}`] ?? {};
      for (const headers of [{}, { authorization: 'Bearer not-a-real-token' }]) {
        const response = await server.app.inject({
          method: route.method as 'GET',
          url: urlFor(route.url, A, probe),
          headers,
          ...(probe.body ? { payload: probe.body(A) } : {}),
        });
        const expected = route.access === 'public' ? response.statusCode : 401;
        expect(response.statusCode, `${route.method} ${route.url}`).toBe(expected);
      }
    }
    expect(apiRoutes().filter((route) => route.access === 'public').map((route) => route.url)).toEqual(['/api/v1/auth/login']);
  });

  it("gives an account of micro-grid A 403 or 404 on every resource of B, shows nothing of B in any listing, and writes nothing", async () => {
    const before = await rowCounts();
    const rosterBefore = JSON.stringify(server.app.roster.territory.size);
    for (const account of accountsOfA) {
      for (const route of apiRoutes()) {
        if (route.access === 'public' || route.url === '/api/v1/auth/logout') continue;
        const probe = PROBES[`${route.method} ${route.url}`]!;
        const response = await server.app.inject({
          method: route.method as 'GET',
          url: urlFor(route.url, B, probe),
          headers: account.auth,
          ...(probe.body ? { payload: probe.body(B) } : {}),
        });
        const where = `${account.username}: ${route.method} ${route.url} → ${response.statusCode} ${response.body.slice(0, 200)}`;
        if (response.statusCode === 200) {
          expect(route.method, where).toBe('GET');
          expect(response.body, where).not.toMatch(B_IDS);
        } else if (response.statusCode === 400) {
          // A write naming B is refused as one naming a place that does not exist.
          const nowhere = await server.app.inject({ method: route.method as 'GET', url: urlFor(route.url, NOWHERE, probe), headers: account.auth, ...(probe.body ? { payload: probe.body(NOWHERE) } : {}) });
          expect(nowhere.statusCode, where).toBe(400);
          expect(response.json<{ code: string }>().code, where).toBe(nowhere.json<{ code: string }>().code);
        } else {
          expect([403, 404], where).toContain(response.statusCode);
        }
      }
    }
    expect(await rowCounts()).toEqual(before);
    expect(JSON.stringify(server.app.roster.territory.size)).toBe(rosterBefore);
  });

  it('shows the commander and the wall no name or phone number on any route', async () => {
    for (const account of countsOnly) {
      for (const route of apiRoutes()) {
        if (route.method !== 'GET') continue;
        const probe = PROBES[`${route.method} ${route.url}`]!;
        const response = await server.app.inject({ method: 'GET', url: urlFor(route.url, A, probe), headers: account.auth });
        for (const secret of PERSONAL_DATA) expect(response.body, `${account.username}: GET ${route.url}`).not.toContain(secret);
      }
    }
  });

  describe('over the socket', () => {
    const port = () => (server.app.server.address() as { port: number }).port;
    const sockets: LiveTestSocket[] = [];
    const open = async (token: string) => {
      const socket = connect(port(), token);
      sockets.push(socket);
      await new Promise<void>((resolve, reject) => {
        socket.once('connect', resolve);
        socket.once('connect_error', reject);
      });
      return socket;
    };

    beforeAll(async () => {
      await server.app.listen({ port: 0, host: '127.0.0.1' });
    });
    afterAll(() => sockets.forEach((socket) => socket.disconnect()));

    // A Record over the event map's keys: adding a client event without a probe does not compile.
    const probes: Record<keyof ClientToServerEvents, (worker: LiveTestSocket, admin: LiveTestSocket) => Promise<void>> = {
      'counts.subscribe:v3': async (worker) => {
        const reply = await new Promise<SubscribeReplyV1>((resolve) =>
          worker.emit('counts.subscribe:v3', { roundId: 'r1', areaId: B.areaId, depth: 'microgrid' }, resolve),
        );
        expect(reply).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
        const above = await new Promise<SubscribeReplyV1>((resolve) => worker.emit('counts.subscribe:v3', { roundId: 'r1', areaId: 'g', depth: 'microgrid' }, resolve));
        expect(above).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      },
      'counts.subscribe:v2': async (worker) => {
        const reply = await new Promise<SubscribeReplyV1>((resolve) =>
          worker.emit('counts.subscribe:v2', { roundId: 'r1', areaId: A.areaId, depth: 'microgrid' }, resolve),
        );
        expect(reply).toMatchObject({ ok: false, error: { code: 'VERSION_RETIRED' } });
      },
      'counts.unsubscribe:v1': async (worker, admin) => {
        const reply = await new Promise<SubscribeReplyV1>((resolve) =>
          admin.emit('counts.subscribe:v3', { roundId: 'r1', areaId: B.areaId, depth: 'microgrid' }, resolve),
        );
        if (!reply.ok) throw new Error('the admin could not subscribe');
        worker.emit('counts.unsubscribe:v1', reply.subscriptionId);
        const delta = new Promise<void>((resolve) => admin.once('counts.delta:v3', () => resolve()));
        await server.app.inject({ method: 'POST', url: '/api/v1/events', headers: server.auth, payload: { events: [visitEvent('mg2-b2-1-101')] } });
        await delta; // The admin's subscription still delivers: another socket cannot end it.
      },
      'activity.subscribe:v1': async (worker, admin) => {
        const workerSaw: string[] = [];
        const adminSaw: string[] = [];
        worker.on('activity:v1', (message) => workerSaw.push(...message.items.map((item) => item.areaId)));
        admin.on('activity:v1', (message) => adminSaw.push(...message.items.map((item) => item.areaId)));
        worker.emit('activity.subscribe:v1', 'r1');
        admin.emit('activity.subscribe:v1', 'r1');
        await new Promise((resolve) => setTimeout(resolve, 200));
        // On joining, each is sent the round's latest doors (earlier probes knocked in B): the worker only its own micro-grid's.
        expect(adminSaw).toContain('mg2');
        expect(workerSaw.every((areaId) => areaId === 'mg1')).toBe(true);
        workerSaw.length = 0;
        adminSaw.length = 0;
        await server.app.inject({ method: 'POST', url: '/api/v1/events', headers: server.auth, payload: { events: [visitEvent('mg2-b2-1-201'), visitEvent('mg1-b2-1-201')] } });
        while (adminSaw.length < 2) await new Promise((resolve) => setTimeout(resolve, 50));
        await new Promise((resolve) => setTimeout(resolve, 300));
        expect(adminSaw.sort()).toEqual(['mg1', 'mg2']);
        expect(workerSaw).toEqual(['mg1']);
      },
      'events.submit:v1': async (worker) => {
        const before = await rowCounts();
        const event = visitEvent(B.householdId, { workerId: 'worker-a' });
        const reply = await new Promise<SubmitEventsReplyV1>((resolve) => worker.emit('events.submit:v1', [event], resolve));
        // As POST /events answers the same batch: as if B's household did not exist, with the answer for the item.
        expect(reply).toMatchObject({ ok: false, error: { code: 'EVENTS_REJECTED' }, results: [{ status: 'rejected', issues: [{ field: 'events.0.householdId', reason: `no household has id ${B.householdId}` }] }] });
        expect(await rowCounts()).toEqual(before);
      },
    };

    it('refuses a socket without a credential', async () => {
      await expect(open('made-up')).rejects.toThrow(/UNAUTHENTICATED/);
    });

    for (const [event, probe] of Object.entries(probes)) {
      it(`keeps a worker of A out of B through ${event}`, async () => {
        const worker = await open(accountsOfA[0]!.token);
        const admin = await open(server.adminToken);
        await probe(worker, admin);
      });
    }
  });
});
