import fc from 'fast-check';
import { LiveCountsClient, type ActivityV1, type SubscribeReplyV1, type SubscribeRequestV1, type SweepEvent } from '@gridsweep/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/dialects.js';
import { memberEvent, smallTerritory, visitEvent } from '../support/small-territory.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { connect, followCity, once, untilClientMatchesServer, type LiveTestSocket } from './live-client.js';

const territory = smallTerritory();
const households = territory.households.map((h) => h.id);
const membersOf = (householdId: string) => territory.members.filter((m) => m.householdId === householdId).map((m) => m.id);

/** Random valid events over the small city: visits, no-answers, members tested or not, some resent. */
const eventBatches = fc.array(
  fc.array(
    fc.record({ household: fc.constantFrom(...households), member: fc.nat(2), option: fc.nat(3), minute: fc.nat(120) }),
    { minLength: 1, maxLength: 12 },
  ),
  { minLength: 1, maxLength: 6 },
);

function toEvent(spec: { household: string; member: number; option: number; minute: number }): SweepEvent {
  const deviceTime = Date.UTC(2022, 10, 14, 8) + spec.minute * 60_000;
  const memberId = membersOf(spec.household)[spec.member];
  if (memberId === undefined) {
    const outcome = ['visited', 'no_answer', 'refused', 'visited'][spec.option]!;
    return visitEvent(spec.household, { deviceTime, values: { outcome } });
  }
  return memberEvent(spec.household, memberId, spec.option, { deviceTime });
}

describe.each(DIALECTS)('the live stream on $name', (dialect) => {
  let server: TestServer;
  let port: number;
  let socket: LiveTestSocket;

  beforeEach(async () => {
    server = await startTestServer(dialect, { territory: smallTerritory() });
    await server.app.listen({ port: 0, host: '127.0.0.1' });
    port = (server.app.server.address() as { port: number }).port;
    socket = connect(port, server.adminToken);
  });
  afterEach(async () => {
    socket.disconnect();
    await server.close();
  });

  const post = (events: unknown[]) => server.app.inject({ headers: server.auth, method: 'POST', url: '/api/v1/events', payload: { events } });

  it('a snapshot plus the deltas that follow equal the server counts after a random stream', async () => {
    const { client } = followCity(socket);
    const [batches] = fc.sample(eventBatches, { numRuns: 1, seed: 7 });
    for (const batch of batches!) await post(batch.map(toEvent));
    await untilClientMatchesServer(client, server);
    client.stop();
  });

  it('after a five-second cut the client gets only what it missed, not a new snapshot', async () => {
    const { client, received } = followCity(socket);
    await post([visitEvent('mg1-b1-1-101')]);
    await untilClientMatchesServer(client, server);
    socket.disconnect();
    await post([visitEvent('mg2-b1-1-101'), memberEvent('mg2-b1-1-101', 'mg2-b1-1-101-m1')]);
    await new Promise((resolve) => setTimeout(resolve, 5000));
    socket.connect();
    await untilClientMatchesServer(client, server);
    expect(received.snapshots).toBe(1);
    client.stop();
  });

  it('after a cut longer than the server keeps (two minutes, simulated) the client gets a fresh snapshot with the right numbers', async () => {
    // A two-tick history stands in for two minutes of ticks at the default rate.
    const shortMemory = await startTestServer(dialect, { territory: smallTerritory(), liveHistoryTicks: 2 });
    await shortMemory.app.listen({ port: 0, host: '127.0.0.1' });
    const cutSocket = connect((shortMemory.app.server.address() as { port: number }).port, shortMemory.adminToken);
    const { client, received } = followCity(cutSocket);
    await untilClientMatchesServer(client, shortMemory);
    cutSocket.disconnect();
    for (const household of ['mg1-b1-1-101', 'mg1-b1-1-201', 'mg2-b1-1-101', 'mg2-b2-1-201']) {
      await shortMemory.app.inject({ headers: shortMemory.auth, method: 'POST', url: '/api/v1/events', payload: { events: [visitEvent(household)] } });
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
    cutSocket.connect();
    await untilClientMatchesServer(client, shortMemory);
    expect(received.snapshots).toBe(2);
    client.stop();
    cutSocket.disconnect();
    await shortMemory.close();
  });

  it('after a server restart the client resubscribes and shows the restarted server counts', async () => {
    const { client, received } = followCity(socket);
    await post([visitEvent('mg1-b1-1-101')]);
    await untilClientMatchesServer(client, server);
    const dropped = once(socket, 'disconnect');
    await server.restart();
    await dropped;
    await server.app.listen({ port, host: '127.0.0.1' });
    await post([visitEvent('mg1-b2-1-101', { values: { outcome: 'refused' } })]);
    await untilClientMatchesServer(client, server);
    expect(received.snapshots).toBe(2);
    client.stop();
  });

  it('shows a household added to the roster in the totals without waiting for a sweep event', async () => {
    const { client } = followCity(socket);
    await untilClientMatchesServer(client, server);
    const response = await server.app.inject({ headers: server.auth,
      method: 'POST',
      url: '/api/v1/households',
      payload: { id: 'mg1-b1-1-901', buildingId: 'mg1-b1', unit: 1, floor: 9, room: '901' },
    });
    expect(response.statusCode).toBe(201);
    await untilClientMatchesServer(client, server);
    expect(client.view.counts('c')?.households.total).toBe(25);
    client.stop();
  });

  it('acknowledges a field batch over the socket after commit, and a resend as duplicates', async () => {
    await once(socket, 'connect');
    const events = [visitEvent('mg1-b1-2-101'), memberEvent('mg1-b1-2-101', 'mg1-b1-2-101-m1')];
    const first = await socket.emitWithAck('events.submit:v1', events);
    expect(first).toMatchObject({ ok: true, results: [{ status: 'accepted' }, { status: 'accepted' }] });
    const stored = await server.app.inject({ method: 'GET', url: '/api/v1/rounds/r1/areas/mg1/counts', headers: server.auth });
    expect(stored.json()).toMatchObject({ counts: { households: { visited: 1 }, members: { done: 1 } } });
    const again = await socket.emitWithAck('events.submit:v1', events);
    expect(again).toMatchObject({ ok: true, results: [{ status: 'duplicate' }, { status: 'duplicate' }] });
  });

  it('records one audit entry for each acknowledged socket batch, with what it held', async () => {
    await once(socket, 'connect');
    await socket.emitWithAck('events.submit:v1', [visitEvent('mg1-b1-2-201'), visitEvent('nowhere')]);
    const audit = await server.app.inject({ method: 'GET', url: '/api/v1/audit?limit=1000', headers: server.auth });
    const writes = audit.json<{ action: string; detail: Record<string, unknown> }[]>().filter((entry) => entry.action === 'events.write');
    expect(writes).toHaveLength(1);
    expect(writes[0]!.detail).toMatchObject({ accepted: 1, duplicate: 0, rejected: 1, roundIds: ['r1'] });
  });

  it('answers each bad item of a socket batch with its field, and refuses a batch that is not a list naming the field', async () => {
    await once(socket, 'connect');
    const answer = await socket.emitWithAck('events.submit:v1', [visitEvent('mg1-b1-1-101'), { ...visitEvent('nowhere') }]);
    expect(answer).toMatchObject({ ok: true, results: [{ status: 'accepted' }, { status: 'rejected', issues: [{ field: 'events.1.householdId' }] }] });
    const notAList = await socket.emitWithAck('events.submit:v1', 'hello' as unknown as SweepEvent[]);
    expect(notAList).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' }, issues: [{ field: 'events' }] });
  });

  it('answers the same batch over the socket as over HTTP: the same code, and the same detail, for every kind of answer', async () => {
    await once(socket, 'connect');
    const stored = visitEvent('mg1-b1-1-101');
    await post([stored]);
    // Made afresh for each channel, so the first to send does not turn the second's answer into duplicates.
    const batches: [string, () => unknown][] = [
      ['accepted and rejected items', () => [visitEvent('mg1-b1-1-201'), visitEvent('nowhere')]],
      ['every item rejected', () => [visitEvent('nowhere'), { ...visitEvent('mg1-b1-1-201'), deviceTime: 'soon' }]],
      ['an id stored with other content', () => [{ ...stored, values: { outcome: 'refused' } }]],
      ['not a list', () => 'hello'],
      ['an empty list', () => []],
      ['more than the limit', () => Array.from({ length: 501 }, () => visitEvent('mg1-b1-1-101'))],
    ];
    const withoutIds = (items: unknown) => (Array.isArray(items) ? items.map((item: object) => ({ ...item, id: typeof (item as { id: unknown }).id })) : items);
    for (const [what, make] of batches) {
      const http = await server.app.inject({ headers: server.auth, method: 'POST', url: '/api/v1/events', payload: { events: make() } });
      const answer = await socket.emitWithAck('events.submit:v1', make() as SweepEvent[]);
      const body = http.json<{ code?: string; results?: unknown; conflicts?: unknown; issues?: unknown }>();
      if (http.statusCode === 200) {
        expect(answer.ok, what).toBe(true);
        if (answer.ok) expect(withoutIds(answer.results), what).toEqual(withoutIds(body.results));
        continue;
      }
      expect(answer.ok, what).toBe(false);
      if (answer.ok) continue;
      expect(answer.error.code, what).toBe(body.code);
      expect({ results: withoutIds(answer.results), conflicts: answer.conflicts, issues: answer.issues }, what).toEqual({
        results: withoutIds(body.results),
        conflicts: body.conflicts,
        issues: body.issues,
      });
    }
  });

  it('refuses a subscription to an unknown area, naming the field', async () => {
    await once(socket, 'connect');
    const answer: SubscribeReplyV1 = await socket.emitWithAck('counts.subscribe:v3', { roundId: 'r1', areaId: 'mars', depth: 'grid' });
    expect(answer).toMatchObject({ ok: false, error: { code: 'BAD_SUBSCRIPTION' }, issues: [{ field: 'areaId', reason: 'no area has id mars' }] });
    if (!answer.ok) expect(answer.error.message).toMatch(/^areaId/);
  });

  it('refuses a subscription that is not one by the contract, naming each field', async () => {
    await once(socket, 'connect');
    const request = { roundId: 'r 1', areaId: 'c', depth: 'grid\u202e', resume: { streamId: 's', seq: -1 } } as unknown as SubscribeRequestV1;
    const answer: SubscribeReplyV1 = await socket.emitWithAck('counts.subscribe:v3', request);
    expect(answer).toMatchObject({ ok: false, error: { code: 'BAD_SUBSCRIPTION' } });
    if (!answer.ok) expect(answer.issues?.map((issue) => issue.field).sort()).toEqual(['depth', 'resume.seq', 'roundId']);
  });

  it('feeds the ticker with micro-grid, time and outcome only: no names, phones or households', async () => {
    await once(socket, 'connect');
    const activity = new Promise<ActivityV1>((resolve) => socket.once('activity:v1', resolve));
    socket.emit('activity.subscribe:v1', 'r1');
    // The join is processed before this ack returns, so the next commit is seen.
    await socket.emitWithAck('events.submit:v1', [memberEvent('mg2-b2-1-101', 'mg2-b2-1-101-m1')]);
    const message = await activity;
    expect(message.items.map(({ committedAt: _, ...item }) => item)).toEqual([{ areaId: 'mg2', deviceTime: Date.UTC(2022, 10, 14, 9), outcome: 'tested', label: { zh: '已检测', en: 'Tested' } }]);
    expect(message.items[0]!.committedAt).toBeGreaterThanOrEqual(message.items[0]!.deviceTime);
    expect(JSON.stringify(message)).not.toMatch(/张三|13800000000|mg2-b2-1-101/);
  });

  it('lets a quiet subscription hear from the server every 5 s, as a repeat that changes no count and asks for no new snapshot', async () => {
    let heard = 0;
    let updates = 0;
    const client = new LiveCountsClient(socket, {
      subscription: { roundId: 'r1', areaId: 'c', depth: 'microgrid' },
      onUpdate: () => updates++,
      onHeard: () => heard++,
    });
    client.start();
    try {
      await expect.poll(() => updates, { timeout: 5_000 }).toBe(1); // the snapshot
      await expect.poll(() => heard, { timeout: 8_000, interval: 200 }).toBeGreaterThanOrEqual(2);
      expect(updates).toBe(1);
    } finally {
      client.stop();
    }
  });

  it("sends a socket that joins the ticker late the round's latest doors first, so a reloaded wall is not empty", async () => {
    await once(socket, 'connect');
    const first = new Promise<ActivityV1>((resolve) => socket.once('activity:v1', resolve));
    socket.emit('activity.subscribe:v1', 'r1');
    await socket.emitWithAck('events.submit:v1', [visitEvent('mg1-b1-1-101'), visitEvent('mg2-b2-1-101')]);
    const delivered = await first;

    const late = connect(port, server.adminToken);
    try {
      await once(late, 'connect');
      const recent = new Promise<ActivityV1>((resolve) => late.once('activity:v1', resolve));
      late.emit('activity.subscribe:v1', 'r1');
      expect((await recent).items).toEqual(delivered.items);
    } finally {
      late.disconnect();
    }
  });
});
