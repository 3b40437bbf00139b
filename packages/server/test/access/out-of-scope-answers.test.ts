import type { SubmitEventsReplyV1, SweepEvent } from '@gridsweep/core';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, type LiveTestSocket } from '../live/live-client.js';
import { signIn, type SignedIn } from '../support/accounts.js';
import { DIALECTS } from '../support/dialects.js';
import { memberEvent as memberStatus, smallTerritory, visitEvent } from '../support/small-territory.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

// Accounts of micro-grid A (mg1) ask about micro-grid B (mg2), and about ids
// that exist nowhere: the two answers must be the same, byte for byte, once
// the id the caller sent and the request's own id are set aside.
const B = { areaId: 'mg2', buildingId: 'mg2-b1', householdId: 'mg2-b1-1-101', memberId: 'mg2-b1-1-101-m1' };
const NOWHERE = { areaId: 'no-such-area', buildingId: 'no-such-building', householdId: 'no-such-household', memberId: 'no-such-member' };
const A_HOUSEHOLD = 'mg1-b1-1-101';
const REVEALS_PER_WINDOW = 2;

/** An answer with the id asked about and the request id replaced, so that only what the server chose to say remains. */
function answer(response: { statusCode: number; body: string }, askedId: string): string {
  const body = response.body.replaceAll(askedId, '<id>').replace(/"requestId":"[^"]*"/, '"requestId":"<request>"');
  return `${response.statusCode} ${body}`;
}

describe("answers about what lies outside the caller's territory", () => {
  let server: TestServer;
  let worker: SignedIn;
  let supervisor: SignedIn;

  beforeAll(async () => {
    server = await startTestServer(DIALECTS.at(-1)!, { territory: smallTerritory(), access: { rateLimitPerMinute: 0, revealsPerWindow: REVEALS_PER_WINDOW } });
    worker = await signIn(server.app, 'worker-a', 'worker', { kind: 'areas', areaIds: ['mg1'] });
    supervisor = await signIn(server.app, 'supervisor-a', 'supervisor', { kind: 'areas', areaIds: ['mg1'] });
  }, 180_000);
  afterAll(async () => server.close());

  type Ask = (ids: typeof B) => Promise<LightMyRequestResponse>;
  const get = (who: () => SignedIn, url: (ids: typeof B) => string): Ask => (ids) => server.app.inject({ method: 'GET', url: url(ids), headers: who().auth });
  const post = (who: () => SignedIn, url: (ids: typeof B) => string, body: (ids: typeof B) => object): Ask => (ids) =>
    server.app.inject({ method: 'POST', url: url(ids), headers: who().auth, payload: body(ids) });
  const eventId = '01900000-0000-7000-8000-0000000000aa';
  const ROSTER_CHANGE_ID = '01900000-0000-7000-8000-0000000000bb';

  const CASES: Record<string, { ask: Ask; about: keyof typeof B }> = {
    'a household': { ask: get(() => worker, (ids) => `/api/v1/households/${ids.householdId}`), about: 'householdId' },
    'a household in a round': { ask: get(() => worker, (ids) => `/api/v1/households/${ids.householdId}?roundId=r1`), about: 'householdId' },
    "a building's households": { ask: get(() => worker, (ids) => `/api/v1/buildings/${ids.buildingId}/households`), about: 'buildingId' },
    "a member's reveal": { ask: post(() => supervisor, (ids) => `/api/v1/members/${ids.memberId}/reveal`, () => ({ purpose: 'other', reason: 'scope probe' })), about: 'memberId' },
    'a new household in a building': {
      ask: post(() => supervisor, () => '/api/v1/households', (ids) => ({ id: 'probe-household', buildingId: ids.buildingId, unit: 1, floor: 9, room: '901' })),
      about: 'buildingId',
    },
    'a new member of a household': {
      ask: post(() => supervisor, () => '/api/v1/members', (ids) => ({ id: 'probe-member', householdId: ids.householdId, name: '王五', tags: [] })),
      about: 'householdId',
    },
    'a new round over an area': {
      ask: post(() => supervisor, () => '/api/v1/rounds', (ids) => ({ id: 'probe-round', name: '探针轮次', templateId: 'nucleic-acid', rulesId: 'nucleic-acid-default', areaId: ids.areaId, startsAt: 0 })),
      about: 'areaId',
    },
    "a worker's roster change in a household": {
      ask: post(() => worker, () => '/api/v1/roster-changes', (ids) => ({ id: ROSTER_CHANGE_ID, kind: 'memberMovedOut', householdId: ids.householdId, memberId: ids.memberId, deviceTime: 1_700_000_000_000 })),
      about: 'householdId',
    },
    "a worker's event about a household": {
      ask: post(() => worker, () => '/api/v1/events', (ids) => ({ events: [visitEvent(ids.householdId, { id: eventId, workerId: 'worker-a' })] })),
      about: 'householdId',
    },
    "a worker's event naming a member of another micro-grid": {
      ask: post(() => worker, () => '/api/v1/events', (ids) => ({ events: [memberEvent(ids.memberId)] })),
      about: 'memberId',
    },
  };

  function memberEvent(memberId: string) {
    return memberStatus(A_HOUSEHOLD, memberId, 0, { id: eventId, workerId: 'worker-a' });
  }

  for (const [what, { ask, about }] of Object.entries(CASES)) {
    it(`answers ${what} outside it exactly as one that does not exist`, async () => {
      const outside = await ask(B);
      const nowhere = await ask(NOWHERE);
      expect(outside.statusCode).toBeGreaterThanOrEqual(400);
      expect(answer(outside, B[about])).toBe(answer(nowhere, NOWHERE[about]));
    });
  }

  it('answers the same for a member outside it once the reveal limit is spent', async () => {
    const inside = ['mg1-b1-1-101-m1', 'mg1-b1-1-101-m2', 'mg1-b1-1-201-m1'];
    for (const memberId of inside) await CASES["a member's reveal"]!.ask({ ...B, memberId });
    const spent = await CASES["a member's reveal"]!.ask({ ...B, memberId: 'mg1-b2-1-101-m1' });
    expect(spent.statusCode).toBe(429);
    const outside = await CASES["a member's reveal"]!.ask(B);
    const nowhere = await CASES["a member's reveal"]!.ask(NOWHERE);
    expect(answer(outside, B.memberId)).toBe(answer(nowhere, NOWHERE.memberId));
  });

  describe('over the socket', () => {
    let socket: LiveTestSocket;
    beforeAll(async () => {
      await server.app.listen({ port: 0, host: '127.0.0.1' });
      socket = connect((server.app.server.address() as { port: number }).port, worker.token);
      await new Promise<void>((resolve, reject) => {
        socket.once('connect', resolve);
        socket.once('connect_error', reject);
      });
    });
    afterAll(() => socket.disconnect());

    const submit = (events: SweepEvent[]) => new Promise<SubmitEventsReplyV1>((resolve) => socket.emit('events.submit:v1', events, resolve));
    const reply = (sent: SubmitEventsReplyV1, askedId: string) => JSON.stringify(sent).replaceAll(askedId, '<id>');

    it("answers a worker's event about a household outside it exactly as one about a household that does not exist", async () => {
      const outside = await submit([visitEvent(B.householdId, { id: eventId, workerId: 'worker-a' })]);
      const nowhere = await submit([visitEvent(NOWHERE.householdId, { id: eventId, workerId: 'worker-a' })]);
      expect(outside.ok).toBe(false);
      expect(reply(outside, B.householdId)).toBe(reply(nowhere, NOWHERE.householdId));
    });

    it('answers an event naming a member of another micro-grid exactly as one naming a member that does not exist', async () => {
      const outside = await submit([memberEvent(B.memberId)]);
      const nowhere = await submit([memberEvent(NOWHERE.memberId)]);
      expect(outside.ok).toBe(false);
      expect(reply(outside, B.memberId)).toBe(reply(nowhere, NOWHERE.memberId));
    });
  });
});
