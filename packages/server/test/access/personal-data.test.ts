import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PERSONAL_DATA, signIn, wallAuth, type SignedIn } from '../support/accounts.js';
import { DIALECTS } from '../support/dialects.js';
import { smallTerritory } from '../support/small-territory.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

interface Door {
  members: { name: string; phone: string | null }[];
}

describe('personal data', () => {
  let server: TestServer;
  let worker: SignedIn;
  let supervisor: SignedIn;
  let resident: SignedIn;

  beforeAll(async () => {
    server = await startTestServer(DIALECTS[0]!, { territory: smallTerritory() });
    worker = await signIn(server.app, 'worker-a', 'worker', { kind: 'areas', areaIds: ['mg1'] });
    supervisor = await signIn(server.app, 'sup', 'supervisor', { kind: 'areas', areaIds: ['g'] });
    resident = await signIn(server.app, 'resident', 'resident', { kind: 'household', householdId: 'mg1-b1-1-101' });
  }, 60_000);
  afterAll(async () => server.close());

  const get = (url: string, who: SignedIn) => server.app.inject({ method: 'GET', url, headers: who.auth });

  it('is masked in every door list, for the admin too: 张*, 138****0000', async () => {
    for (const who of [worker, supervisor, { username: 'admin', token: server.adminToken, auth: server.auth }]) {
      const response = await get('/api/v1/buildings/mg1-b1/households', who);
      expect(response.statusCode).toBe(200);
      for (const secret of PERSONAL_DATA) expect(response.body).not.toContain(secret);
      const members = response.json<{ households: Door[] }>().households[0]!.members;
      expect(members).toEqual([
        expect.objectContaining({ name: '张*', phone: '138****0000' }),
        expect.objectContaining({ name: '李*', phone: null }),
      ]);
    }
  });

  it('lets a resident see their own household, masked, and no other', async () => {
    const own = await get('/api/v1/households/mg1-b1-1-101', resident);
    expect(own.statusCode).toBe(200);
    expect(own.json<{ household: Door }>().household.members.map((m) => m.name)).toEqual(['张*', '李*']);
    expect((await get('/api/v1/households/mg1-b1-1-201', resident)).statusCode).toBe(404);
    expect((await get('/api/v1/buildings/mg1-b1/households', resident)).statusCode).toBe(404);
  });

  it('is revealed in full only to a supervisor or an admin who gives a reason', async () => {
    const reveal = (who: { auth: { authorization: string } }) =>
      server.app.inject({ method: 'POST', url: '/api/v1/members/mg1-b1-1-101-m1/reveal', headers: who.auth, payload: { purpose: 'home_visit', reason: 'delivery for an elderly resident' } });
    expect((await reveal(supervisor)).json()).toEqual({ id: 'mg1-b1-1-101-m1', householdId: 'mg1-b1-1-101', name: '张三', phone: '13800000000' });
    expect((await reveal({ auth: server.auth })).statusCode).toBe(200);
    for (const who of [worker, resident, wallAuth(server.app), await signIn(server.app, 'cmd', 'commander', { kind: 'everything' })]) {
      expect((await reveal(who)).statusCode, who.username).toBe(403);
    }
  });
});
