import type { SubscribeReplyV1, SubmitEventsReplyV1 } from '@gridsweep/core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { connect, followCity, type LiveTestSocket } from '../live/live-client.js';
import { signIn, wallAuth, type SignedIn } from '../support/accounts.js';
import { DIALECTS } from '../support/dialects.js';
import { smallTerritory, visitEvent } from '../support/small-territory.js';
import { startTestServer, TEST_ADMIN, type TestServer } from '../support/test-server.js';

const SECOND_ROUND = { id: 'r-late', name: '11-15 复核', templateId: 'nucleic-acid', rulesId: 'nucleic-acid-default', areaId: 'c', startsAt: Date.UTC(2022, 10, 15) };

describe.each(DIALECTS)('archiving rounds and areas on $name', (dialect) => {
  let server: TestServer;
  let supervisor: SignedIn;
  let wall: SignedIn;
  const sockets: LiveTestSocket[] = [];

  beforeAll(async () => {
    server = await startTestServer(dialect, { territory: smallTerritory(), access: { rateLimitPerMinute: 0 } });
    supervisor = await signIn(server.app, 'sup-c', 'supervisor', { kind: 'areas', areaIds: ['c'] });
    wall = wallAuth(server.app);
    await server.app.listen({ port: 0, host: '127.0.0.1' });
  }, 180_000);
  afterAll(async () => {
    sockets.forEach((socket) => socket.disconnect());
    await server.close();
  });

  const post = (url: string, auth: { authorization: string }, payload: object = {}) => server.app.inject({ method: 'POST', url, headers: auth, payload });
  const get = (url: string, auth: { authorization: string }) => server.app.inject({ method: 'GET', url, headers: auth });
  const roundIds = async (auth: { authorization: string }, query = '') => (await get(`/api/v1/rounds${query}`, auth)).json<{ id: string }[]>().map((round) => round.id);
  const areaIds = async (url: string) => (await get(url, server.auth)).json<{ id: string }[]>().map((area) => area.id);
  const open = async (token: string) => {
    const socket = connect((server.app.server.address() as { port: number }).port, token);
    sockets.push(socket);
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('connect_error', reject);
    });
    return socket;
  };
  const subscribe = (socket: LiveTestSocket, roundId: string) =>
    new Promise<SubscribeReplyV1>((resolve) => socket.emit('counts.subscribe:v3', { roundId, areaId: 'c', depth: 'district' }, resolve));

  it('is for administrators only: a supervisor of the whole city and the wall get 403, and nothing is archived', async () => {
    for (const who of [supervisor, wall]) {
      for (const url of ['/api/v1/rounds/r1/archive', '/api/v1/rounds/r1/unarchive', '/api/v1/areas/mg2/archive', '/api/v1/areas/mg2/unarchive']) {
        const response = await post(url, who.auth, { reason: 'take over the wall' });
        expect(response.statusCode, `${who.username} ${url}`).toBe(403);
        expect(response.json()).toMatchObject({ code: 'FORBIDDEN' });
      }
    }
    expect(await roundIds(server.auth)).toEqual(['r1']);
    expect(await areaIds('/api/v1/areas?parentId=g')).toEqual(['mg1', 'mg2']);
  });

  it("takes an archived round out of everyone's rounds list and the wall's reach, audits who did it and why, and brings it back when unarchived", async () => {
    expect((await post('/api/v1/rounds', supervisor.auth, SECOND_ROUND)).statusCode).toBe(201);
    const archived = await post('/api/v1/rounds/r-late/archive', server.auth, { reason: 'opened by mistake' });
    expect(archived.statusCode).toBe(200);
    const { archivedAt } = archived.json<{ id: string; archivedAt: number }>();
    expect(archived.json()).toEqual({ id: 'r-late', archivedAt: expect.any(Number) as number });

    for (const who of [server, supervisor, wall]) expect(await roundIds(who.auth)).toEqual(['r1']);
    expect((await get('/api/v1/rounds/r-late', wall.auth)).statusCode).toBe(404);
    expect((await get('/api/v1/rounds/r-late/areas/c/counts', wall.auth)).statusCode).toBe(404);
    const wallSocket = await open(wall.token);
    expect(await subscribe(wallSocket, 'r-late')).toMatchObject({ ok: false });
    expect(await subscribe(wallSocket, 'r1')).toMatchObject({ ok: true });

    const everything = (await get('/api/v1/rounds?includeArchived=true', server.auth)).json<{ id: string; archivedAt?: number }[]>();
    expect(everything.map((round) => [round.id, round.archivedAt])).toEqual([
      ['r1', undefined],
      ['r-late', archivedAt],
    ]);
    expect((await get('/api/v1/rounds?includeArchived=true', supervisor.auth)).statusCode).toBe(403);

    const [entry] = await server.app.access.audit.recent({ limit: 1 });
    expect(entry).toMatchObject({ actorId: TEST_ADMIN, actorRole: 'admin', action: 'round.archive', target: 'round:r-late', reason: 'opened by mistake' });

    const back = await post('/api/v1/rounds/r-late/unarchive', server.auth);
    expect(back.json()).toEqual({ id: 'r-late', archivedAt: null });
    expect(await roundIds(wall.auth)).toEqual(['r1', 'r-late']);
    expect(await subscribe(wallSocket, 'r-late')).toMatchObject({ ok: true });
    const [unarchived] = await server.app.access.audit.recent({ limit: 1 });
    expect(unarchived).toMatchObject({ actorId: TEST_ADMIN, action: 'round.unarchive', target: 'round:r-late', reason: null });
  });

  it('refuses events for an archived round with ROUND_ARCHIVED, over HTTP and over the socket, and takes them again once unarchived', async () => {
    await post('/api/v1/rounds/r-late/archive', server.auth);
    const event = visitEvent('mg1-b1-1-101', { roundId: 'r-late' });
    const refused = await post('/api/v1/events', supervisor.auth, { events: [event] });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'ROUND_ARCHIVED', results: [{ status: 'rejected', issues: [{ field: 'events.0.roundId' }] }] });

    const socket = await open(supervisor.token);
    const reply = await new Promise<SubmitEventsReplyV1>((resolve) => socket.emit('events.submit:v1', [event], resolve));
    expect(reply).toMatchObject({ ok: false, error: { code: 'ROUND_ARCHIVED' } });
    expect((await server.app.inject({ method: 'PATCH', url: '/api/v1/rounds/r-late', headers: server.auth, payload: { name: 'renamed' } })).json()).toMatchObject({
      code: 'ROUND_ARCHIVED',
    });

    await post('/api/v1/rounds/r-late/unarchive', server.auth);
    const accepted = await post('/api/v1/events', supervisor.auth, { events: [event] });
    expect(accepted.json()).toMatchObject({ results: [{ status: 'accepted' }] });
  });

  it('refuses to archive an area that still holds sub-areas or rounds in use, naming them, and archives nothing', async () => {
    expect((await post('/api/v1/rounds', server.auth, { ...SECOND_ROUND, id: 'r-grid', areaId: 'g' })).statusCode).toBe(201);
    const refused = await post('/api/v1/areas/g/archive', server.auth);
    expect(refused.statusCode).toBe(409);
    expect(refused.json<{ code: string; message: string }>()).toMatchObject({ code: 'AREA_NOT_EMPTY', message: expect.stringMatching(/mg1, mg2.*r-grid/) as string });
    expect(await areaIds('/api/v1/areas?parentId=cm')).toEqual(['g']);
    await post('/api/v1/rounds/r-grid/archive', server.auth);
  });

  it('takes an archived area out of area lists, the map and the level counts, keeps it across a restart, and brings it back when unarchived', async () => {
    const archived = await post('/api/v1/areas/mg2/archive', server.auth, { reason: 'outline drawn over the whole city' });
    expect(archived.json()).toEqual({ id: 'mg2', archivedAt: expect.any(Number) as number });
    const [entry] = await server.app.access.audit.recent({ limit: 1 });
    expect(entry).toMatchObject({ action: 'area.archive', target: 'area:mg2', reason: 'outline drawn over the whole city' });

    await server.restart();
    const hidden = async () => {
      expect(await areaIds('/api/v1/areas?parentId=g')).toEqual(['mg1']);
      expect(await areaIds('/api/v1/areas?level=microgrid')).toEqual(['mg1']);
      const map = (await get('/api/v1/areas.geojson?level=microgrid&within=c', wall.auth)).json<{ features: { id: string }[] }>();
      expect(map.features.map((feature) => feature.id)).toEqual(['mg1']);
      const counts = (await get('/api/v1/rounds/r1/counts?level=microgrid', wall.auth)).json<{ areaId: string }[]>();
      expect(counts.map((row) => row.areaId)).toEqual(['mg1']);
    };
    await hidden();
    // A wall opened now gets no figures of it in its live view.
    await server.app.listen({ port: 0, host: '127.0.0.1' });
    const { client } = followCity(await open(wall.token));
    await vi.waitFor(() => expect(client.view.counts('mg1')).toBeDefined(), { timeout: 10_000 });
    expect(client.view.counts('mg2')).toBeUndefined();
    client.stop();
    // Nothing new goes under it.
    const building = await post('/api/v1/buildings', server.auth, { id: 'under-archived', areaId: 'mg2', name: 'x', units: 1, floors: 1 });
    expect(building.json()).toMatchObject({ code: 'AREA_ARCHIVED' });
    expect((await post('/api/v1/rounds', server.auth, { ...SECOND_ROUND, id: 'r-mg2', areaId: 'mg2' })).json()).toMatchObject({ code: 'AREA_ARCHIVED' });

    expect((await post('/api/v1/areas/mg2/unarchive', server.auth)).json()).toEqual({ id: 'mg2', archivedAt: null });
    expect(await areaIds('/api/v1/areas?parentId=g')).toEqual(['mg1', 'mg2']);
    const counts = (await get('/api/v1/rounds/r1/counts?level=microgrid', wall.auth)).json<{ areaId: string }[]>();
    expect(counts.map((row) => row.areaId)).toEqual(['mg1', 'mg2']);
  });

  it('brings a sub-area back only after the area above it, and a round only after its area', async () => {
    await post('/api/v1/areas/mg1/archive', server.auth);
    await post('/api/v1/areas/mg2/archive', server.auth);
    await post('/api/v1/areas/g/archive', server.auth);
    const early = await post('/api/v1/areas/mg1/unarchive', server.auth);
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({ code: 'AREA_ARCHIVED', message: expect.stringContaining('area above it, g,') as string });
    expect((await post('/api/v1/rounds/r-grid/unarchive', server.auth)).json()).toMatchObject({ code: 'AREA_ARCHIVED' });
    expect(await areaIds('/api/v1/areas?parentId=cm')).toEqual([]);
    for (const url of ['/api/v1/areas/g/unarchive', '/api/v1/areas/mg1/unarchive', '/api/v1/rounds/r-grid/unarchive']) {
      expect((await post(url, server.auth)).statusCode, url).toBe(200);
    }
    expect(await areaIds('/api/v1/areas?parentId=g')).toEqual(['mg1']);
  });
});
