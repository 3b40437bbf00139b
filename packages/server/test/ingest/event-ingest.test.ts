import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/dialects.js';
import { memberEvent, smallTerritory, visitEvent } from '../support/small-territory.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

describe.each(DIALECTS)('POST /api/v1/events on $name', (dialect) => {
  let server: TestServer;
  beforeEach(async () => {
    server = await startTestServer(dialect, { territory: smallTerritory() });
  });
  afterEach(async () => server.close());

  const post = (events: unknown) => server.app.inject({ headers: server.auth, method: 'POST', url: '/api/v1/events', payload: { events } });

  it('accepts a valid batch and stores every event once', async () => {
    const events = [visitEvent('mg1-b1-1-101'), memberEvent('mg1-b1-1-101', 'mg1-b1-1-101-m1')];
    const response = await post(events);
    expect(response.statusCode).toBe(200);
    expect(response.json<{ results: { status: string }[] }>().results.map((r) => r.status)).toEqual(['accepted', 'accepted']);
    expect(await server.app.eventLog.countById(events.map((e) => e.id))).toEqual(new Map(events.map((e) => [e.id, 1])));
  });

  it('answers a resent event as a duplicate and stores nothing more', async () => {
    const event = visitEvent('mg1-b1-1-101');
    await post([event]);
    const again = await post([{ ...event, values: { ...event.values } }]);
    expect(again.statusCode).toBe(200);
    expect(again.json<{ results: { status: string }[] }>().results[0]!.status).toBe('duplicate');
    expect(await server.app.eventLog.count()).toBe(1);
  });

  it('treats the same content with keys in another order as the same event', async () => {
    const event = visitEvent('mg1-b1-1-101');
    await post([event]);
    const reordered = Object.fromEntries(Object.entries(event).reverse());
    const again = await post([reordered]);
    expect(again.json<{ results: { status: string }[] }>().results[0]!.status).toBe('duplicate');
  });

  it('refuses a batch whose id is stored with other content, with 409, and writes none of it', async () => {
    const event = visitEvent('mg1-b1-1-101');
    await post([event]);
    const fresh = visitEvent('mg1-b1-1-201');
    const changed = { ...event, values: { outcome: 'refused' } };
    const response = await post([fresh, changed]);
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({ code: 'EVENT_CONFLICT', conflicts: [{ index: 1, id: event.id }] });
    expect(await server.app.eventLog.count()).toBe(1);
  });

  it('refuses two different contents under one id inside one batch', async () => {
    const event = visitEvent('mg1-b1-1-101');
    const response = await post([event, { ...event, deviceTime: event.deviceTime + 1 }]);
    expect(response.statusCode).toBe(409);
    expect(await server.app.eventLog.count()).toBe(0);
  });

  it('of two concurrent batches carrying one id with different contents, stores one and refuses the other whole', async () => {
    const shared = visitEvent('mg1-b1-1-101');
    const other = visitEvent('mg1-b1-1-201');
    const first = [shared, other];
    const second = [visitEvent('mg1-b1-1-301'), { ...shared, values: { outcome: 'refused' } }];
    const [a, b] = await Promise.all([post(first), post(second)]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const winner = a.statusCode === 200 ? first : second;
    expect(await server.app.eventLog.count()).toBe(2);
    const door = await server.app.inject({ method: 'GET', url: '/api/v1/buildings/mg1-b1/households?roundId=r1', headers: server.auth });
    const household = door.json<{ households: { id: string; values: object }[] }>().households.find((h) => h.id === 'mg1-b1-1-101')!;
    expect(household.values).toEqual(winner[1] === other ? shared.values : { outcome: 'refused' });
  });

  it('rejects an invalid item with its field and reason and still stores the valid ones', async () => {
    const good = visitEvent('mg1-b1-1-101');
    const response = await post([good, visitEvent('nowhere')]);
    expect(response.statusCode).toBe(200);
    const [first, second] = response.json<{ results: { status: string; issues?: { field: string }[] }[] }>().results;
    expect(first!.status).toBe('accepted');
    expect(second!.status).toBe('rejected');
    expect(second!.issues).toEqual([{ field: 'events.1.householdId', reason: 'no household has id nowhere' }]);
    expect(await server.app.eventLog.count()).toBe(1);
  });

  it('answers 400 and writes nothing when every item is invalid', async () => {
    const response = await post([{ id: 'x' }, visitEvent('mg1-b1-1-101', { roundId: 'no-such-round' })]);
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'EVENTS_REJECTED' });
    expect(await server.app.eventLog.count()).toBe(0);
  });

  it('refuses an empty batch and one of more than 500 events', async () => {
    expect((await post([])).statusCode).toBe(400);
    const many = Array.from({ length: 501 }, () => visitEvent('mg1-b1-1-101'));
    const response = await post(many);
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'VALIDATION_FAILED', issues: [{ field: 'events' }] });
  });

  it('stores each of many concurrent batches exactly once, in fewer commits than batches', async () => {
    const households = server.app.roster.territory.householdIdsOf('mg1-b1');
    const batches = Array.from({ length: 40 }, () => households.map((id) => visitEvent(id)));
    const responses = await Promise.all([...batches, ...batches].map((batch) => post(batch)));
    expect(responses.every((r) => r.statusCode === 200)).toBe(true);
    const ids = batches.flat().map((e) => e.id);
    expect([...(await server.app.eventLog.countById(ids)).values()].every((n) => n === 1)).toBe(true);
    expect(await server.app.eventLog.count()).toBe(ids.length);
    const statuses = responses.flatMap((r) => r.json<{ results: { status: string }[] }>().results.map((x) => x.status));
    expect(statuses.filter((s) => s === 'accepted')).toHaveLength(ids.length);
    expect(server.app.ingest.stats.commits).toBeLessThan(batches.length * 2);
  });
});
