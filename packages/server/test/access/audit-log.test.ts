import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { signIn } from '../support/accounts.js';
import { DIALECTS } from '../support/dialects.js';
import { smallTerritory, visitEvent } from '../support/small-territory.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

interface Entry {
  actorId: string;
  action: string;
  target: string;
  reason: string | null;
  source: string | null;
  detail: Record<string, unknown>;
}

describe.each(DIALECTS)('the audit log on $name', (dialect) => {
  let server: TestServer;
  afterEach(async () => server.close());

  const entries = async () =>
    (await server.app.inject({ method: 'GET', url: '/api/v1/audit?limit=1000', headers: server.auth })).json<Entry[]>().reverse();

  it('records every reveal with its reason and every write with who, what and from where', async () => {
    server = await startTestServer(dialect, { territory: smallTerritory() });
    const supervisor = await signIn(server.app, 'sup', 'supervisor', { kind: 'areas', areaIds: ['g'] });
    const reveal = await server.app.inject({
      method: 'POST',
      url: '/api/v1/members/mg1-b1-1-101-m1/reveal',
      headers: supervisor.auth,
      payload: { purpose: 'phone_follow_up', reason: 'home sampling: call to agree a time' },
    });
    expect(reveal.json()).toMatchObject({ name: '张三', phone: '13800000000' });
    await server.app.inject({ method: 'POST', url: '/api/v1/events', headers: supervisor.auth, payload: { events: [visitEvent('mg1-b1-1-101')] } });
    await server.app.inject({
      method: 'POST',
      url: '/api/v1/households',
      headers: supervisor.auth,
      payload: { id: 'h-new', buildingId: 'mg1-b1', unit: 1, floor: 9, room: '901' },
    });
    const log = (await entries()).filter((entry) => entry.actorId === 'sup');
    expect(log.map((entry) => entry.action)).toEqual(['session.login', 'member.reveal', 'events.write', 'household.create']);
    expect(log[1]).toMatchObject({ target: 'member:mg1-b1-1-101-m1', reason: 'phone_follow_up: home sampling: call to agree a time', source: '127.0.0.1' });
    expect(log[2]!.detail).toMatchObject({ accepted: 1, duplicate: 0, rejected: 0, roundIds: ['r1'] });
    expect(log[3]).toMatchObject({ target: 'household:h-new' });
  });

  it('records one entry for each accepted batch of a group committed together, and none for the batch refused in it', async () => {
    server = await startTestServer(dialect, { territory: smallTerritory() });
    const post = (events: unknown[]) => server.app.inject({ method: 'POST', url: '/api/v1/events', headers: server.auth, payload: { events } });
    const shared = visitEvent('mg1-b1-1-101');
    // Sent together, so they reach one group; the conflict makes the group be written again the careful way.
    const answers = await Promise.all([
      post([visitEvent('mg1-b1-1-201')]),
      post([shared]),
      post([{ ...shared, values: { outcome: 'refused' } }]),
      post([visitEvent('mg1-b1-2-101'), visitEvent('nowhere')]),
    ]);
    expect(answers.map((answer) => answer.statusCode).sort()).toEqual([200, 200, 200, 409]);
    const writes = (await entries()).filter((entry) => entry.action === 'events.write');
    expect(writes).toHaveLength(3);
    const total = (key: string) => writes.reduce((sum, entry) => sum + (entry.detail[key] as number), 0);
    expect({ accepted: total('accepted'), rejected: total('rejected') }).toEqual({ accepted: 3, rejected: 1 });
  });

  it('keeps nothing of a refused write, and refuses a reveal without a reason', async () => {
    server = await startTestServer(dialect, { territory: smallTerritory() });
    const supervisor = await signIn(server.app, 'sup', 'supervisor', { kind: 'areas', areaIds: ['mg1'] });
    const noReason = await server.app.inject({ method: 'POST', url: '/api/v1/members/mg1-b1-1-101-m1/reveal', headers: supervisor.auth, payload: {} });
    expect(noReason.statusCode).toBe(400);
    const outside = await server.app.inject({ method: 'POST', url: '/api/v1/members/mg2-b1-1-101-m1/reveal', headers: supervisor.auth, payload: { purpose: 'other', reason: 'curious' } });
    expect(outside.statusCode).toBe(404);
    expect((await entries()).filter((entry) => entry.actorId === 'sup').map((entry) => entry.action)).toEqual(['session.login']);
  });

  it("cannot be changed or emptied by the application's own database role", async () => {
    server = await startTestServer(dialect, { territory: smallTerritory() });
    await server.app.inject({ method: 'POST', url: '/api/v1/events', headers: server.auth, payload: { events: [visitEvent('mg1-b1-1-101')] } });
    const { db } = server.app.storage;
    const before = await entries();
    expect(before.length).toBeGreaterThan(0);
    await expect(sql`update audit_log set actor_id = 'someone else'`.execute(db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_log`.execute(db)).rejects.toThrow(/append-only/);
    await expect(sql`truncate audit_log`.execute(db)).rejects.toThrow(/append-only/);
    expect(await entries()).toEqual(before);
  });
});
