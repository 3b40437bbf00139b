import { uuidV7 } from '@gridsweep/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, type SignedIn } from '../support/accounts.js';
import { DIALECTS } from '../support/dialects.js';
import { memberEvent, smallTerritory, visitEvent } from '../support/small-territory.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

interface MemberCounts {
  total: number;
  eligible: number;
}
interface DoorList {
  households: { id: string; lastRecordedAt: number | null; lastRecordedBy: string | null; members: { id: string; name: string }[] }[];
}

const HOUSEHOLD = 'mg1-b1-1-101';
const DEVICE_TIME = Date.UTC(2022, 10, 14, 10);

const added = (overrides: Record<string, unknown> = {}) => ({
  id: uuidV7(),
  kind: 'memberAdded',
  householdId: HOUSEHOLD,
  memberId: `m-${uuidV7()}`,
  deviceTime: DEVICE_TIME,
  member: { name: '王小五', birthYear: 1990, tags: [] },
  ...overrides,
});

describe.each(DIALECTS)('roster changes from the field on $name', (dialect) => {
  let server: TestServer;
  let worker: SignedIn;
  let other: SignedIn;

  beforeAll(async () => {
    server = await startTestServer(dialect, { territory: smallTerritory(), access: { rateLimitPerMinute: 0 } });
    worker = await signIn(server.app, 'worker-1', 'worker', { kind: 'areas', areaIds: ['mg1'] });
    other = await signIn(server.app, 'worker-1b', 'worker', { kind: 'areas', areaIds: ['mg1'] });
  }, 60_000);
  afterAll(async () => server.close());

  const post = (auth: Record<string, string>, payload: object) => server.app.inject({ method: 'POST', url: '/api/v1/roster-changes', headers: auth, payload });
  const members = async (areaId = 'mg1'): Promise<MemberCounts> =>
    (await server.app.inject({ method: 'GET', url: `/api/v1/rounds/r1/areas/${areaId}/counts`, headers: server.auth })).json<{ counts: { members: MemberCounts } }>().counts.members;
  const doors = async (auth: Record<string, string> = worker.auth): Promise<DoorList> =>
    (await server.app.inject({ method: 'GET', url: '/api/v1/buildings/mg1-b1/households?roundId=r1', headers: auth })).json<DoorList>();
  const householdMembers = async () => (await doors()).households.find((h) => h.id === HOUSEHOLD)!.members.map((m) => m.id);
  const memberRows = async () => Number((await server.app.storage.db.selectFrom('members').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  it('adds a member found at the door: the door list shows them masked, and they count as eligible at once', async () => {
    const before = await members();
    const change = added();
    const response = await post(worker.auth, change);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({ id: change.id, status: 'accepted' });
    expect(await members()).toEqual({ ...before, total: before.total + 1, eligible: before.eligible + 1 });
    const member = (await doors()).households.find((h) => h.id === HOUSEHOLD)!.members.find((m) => m.id === change.memberId);
    expect(member?.name).toBe('王*五');
  });

  it('answers the same change sent twice as a duplicate and changes nothing the second time', async () => {
    const change = added();
    expect((await post(worker.auth, change)).json()).toMatchObject({ status: 'accepted' });
    const [counts, rows] = [await members(), await memberRows()];
    const again = await post(worker.auth, change);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual({ id: change.id, status: 'duplicate' });
    expect(await members()).toEqual(counts);
    expect(await memberRows()).toBe(rows);
  });

  it('refuses the same id with other content with 409 and writes nothing', async () => {
    const change = added();
    await post(worker.auth, change);
    const [counts, rows] = [await members(), await memberRows()];
    const response = await post(worker.auth, { ...change, member: { ...change.member, name: '王小六' } });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({ code: 'ROSTER_CHANGE_CONFLICT', conflicts: [{ index: 0, id: change.id }] });
    expect(await members()).toEqual(counts);
    expect(await memberRows()).toBe(rows);
  });

  it('marks a member moved out: they leave the door list and no longer count, also after the server restarts', async () => {
    const before = await members();
    const change = { id: uuidV7(), kind: 'memberMovedOut', householdId: HOUSEHOLD, memberId: `${HOUSEHOLD}-m2`, deviceTime: DEVICE_TIME };
    const response = await post(worker.auth, change);
    expect(response.statusCode, response.body).toBe(200);
    const after = { ...before, total: before.total - 1, eligible: before.eligible - 1 };
    expect(await members()).toEqual(after);
    expect(await householdMembers()).not.toContain(`${HOUSEHOLD}-m2`);
    expect((await post(worker.auth, change)).json()).toMatchObject({ status: 'duplicate' });
    await server.restart();
    expect(await members()).toEqual(after);
    expect(await householdMembers()).not.toContain(`${HOUSEHOLD}-m2`);
  });

  it('keeps a worker to the households of their micro-grids: one in another is answered as one that does not exist, and nothing is written', async () => {
    const [counts, rows] = [await members('mg2'), await memberRows()];
    const adding = await post(worker.auth, added({ householdId: 'mg2-b1-1-101' }));
    const moving = await post(worker.auth, { id: uuidV7(), kind: 'memberMovedOut', householdId: 'mg2-b1-1-101', memberId: 'mg2-b1-1-101-m1', deviceTime: DEVICE_TIME });
    const nowhere = await post(worker.auth, { id: uuidV7(), kind: 'memberMovedOut', householdId: 'no-such-household', memberId: 'mg2-b1-1-101-m1', deviceTime: DEVICE_TIME });
    expect([adding.statusCode, moving.statusCode]).toEqual([nowhere.statusCode, nowhere.statusCode]);
    expect(adding.json()).toMatchObject({ code: 'HOUSEHOLD_NOT_FOUND' });
    expect(moving.json<{ code: string; message: string }>()).toMatchObject({ code: nowhere.json<{ code: string }>().code, message: nowhere.json<{ message: string }>().message });
    expect(await members('mg2')).toEqual(counts);
    expect(await memberRows()).toBe(rows);
  });

  it('names the field of a change that cannot be right, and writes nothing', async () => {
    const rows = await memberRows();
    const cases: [object, string][] = [
      [added({ member: undefined }), 'member'],
      [added({ member: { name: '赵六', tags: ['not-a-group'] } }), 'member.tags.0'],
      [{ id: uuidV7(), kind: 'memberMovedOut', householdId: HOUSEHOLD, memberId: 'mg1-b1-1-201-m1', deviceTime: DEVICE_TIME }, 'memberId'],
      [{ ...added(), kind: 'memberMovedOut', memberId: `${HOUSEHOLD}-m1` }, 'member'],
      [added({ id: 'not-a-uuid' }), 'id'],
    ];
    for (const [payload, field] of cases) {
      const response = await post(worker.auth, payload);
      expect(response.statusCode, response.body).toBe(400);
      expect(response.json<{ issues: { field: string }[] }>().issues.map((issue) => issue.field)).toContain(field);
    }
    expect(await memberRows()).toBe(rows);
  });

  it("writes each accepted change to the audit log with the worker, the member and the device time", async () => {
    const change = added();
    await post(worker.auth, change);
    const entries = (await server.app.inject({ method: 'GET', url: '/api/v1/audit?limit=50', headers: server.auth })).json<
      { actorId: string; action: string; target: string; detail: Record<string, unknown> }[]
    >();
    const entry = entries.find((e) => e.detail.memberId === change.memberId);
    expect(entry).toMatchObject({ action: 'roster.change', target: `household:${HOUSEHOLD}`, detail: { kind: 'memberAdded', deviceTime: DEVICE_TIME, status: 'accepted' } });
  });

  it("says on the door list who recorded a household last and when, by display name only, when two workers recorded it", async () => {
    const first = visitEvent('mg1-b1-1-201', { workerId: worker.username, deviceTime: DEVICE_TIME });
    const second = memberEvent('mg1-b1-1-201', 'mg1-b1-1-201-m1', 0, { workerId: other.username, deviceTime: DEVICE_TIME + 60_000 });
    expect((await server.app.inject({ method: 'POST', url: '/api/v1/events', headers: worker.auth, payload: { events: [first] } })).statusCode).toBe(200);
    expect((await server.app.inject({ method: 'POST', url: '/api/v1/events', headers: other.auth, payload: { events: [second] } })).statusCode).toBe(200);
    const household = (await doors()).households.find((h) => h.id === 'mg1-b1-1-201')!;
    expect(household).toMatchObject({ lastRecordedAt: DEVICE_TIME + 60_000, lastRecordedBy: 'worker-1b' });
  });
});
