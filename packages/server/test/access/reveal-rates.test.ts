import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, type SignedIn } from '../support/accounts.js';
import { DIALECTS } from '../support/dialects.js';
import { smallTerritory } from '../support/small-territory.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

const MEMBERS = smallTerritory().members.map((member) => member.id);

describe("the audit's reveal rates", () => {
  let server: TestServer;
  let busy: SignedIn;
  let steady: SignedIn;

  beforeAll(async () => {
    server = await startTestServer(DIALECTS.at(-1)!, { territory: smallTerritory(), access: { rateLimitPerMinute: 0, revealsPerWindow: 20 } });
    busy = await signIn(server.app, 'busy-sup', 'supervisor', { kind: 'areas', areaIds: ['g'] });
    steady = await signIn(server.app, 'steady-sup', 'supervisor', { kind: 'areas', areaIds: ['g'] });
    const reveal = (who: SignedIn, memberId: string, purpose: string) =>
      server.app.inject({ method: 'POST', url: `/api/v1/members/${memberId}/reveal`, headers: who.auth, payload: { purpose, reason: 'follow-up of a home visit' } });
    for (const memberId of MEMBERS.slice(0, 16)) await reveal(busy, memberId, 'other');
    for (const memberId of MEMBERS.slice(0, 2)) await reveal(steady, memberId, 'home_visit');
  }, 180_000);
  afterAll(async () => server.close());

  const rates = (query = '') => server.app.inject({ method: 'GET', url: `/api/v1/audit/reveal-rates${query}`, headers: server.auth });

  it("flag a user past three quarters of the limit's allowance, with their count, distinct members and purposes, and not a colleague who revealed two", async () => {
    const answer = await rates();
    expect(answer.statusCode, answer.body).toBe(200);
    const body = answer.json<{ windowMinutes: number; allowance: number; users: { actorId: string; unusual: boolean }[] }>();
    expect(body).toMatchObject({ windowMinutes: 10, allowance: 20, medianReveals: 9 });
    expect(body.users).toEqual([
      expect.objectContaining({ actorId: 'busy-sup', reveals: 16, distinctMembers: 16, refused: 0, purposes: { other: 16 }, unusual: true, why: ['near-limit'] }),
      expect.objectContaining({ actorId: 'steady-sup', reveals: 2, distinctMembers: 2, purposes: { home_visit: 2 }, unusual: false, why: [] }),
    ]);
  });

  it('scale the allowance with a longer window, so the same sixteen reveals over a day are not near the limit', async () => {
    const body = (await rates('?minutes=1440')).json<{ allowance: number; users: { actorId: string; why: string[] }[] }>();
    expect(body.allowance).toBe(20 * 144);
    expect(body.users.find((user) => user.actorId === 'busy-sup')!.why).not.toContain('near-limit');
  });

  it('are for administrators only, and refuse a window that is not a whole number of minutes', async () => {
    expect((await server.app.inject({ method: 'GET', url: '/api/v1/audit/reveal-rates', headers: busy.auth })).statusCode).toBe(403);
    const bad = await rates('?minutes=abc');
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ issues: [{ field: 'minutes' }] });
  });

  it('leave the audit list filterable by action', async () => {
    const entries = (await server.app.inject({ method: 'GET', url: '/api/v1/audit?action=member.reveal&limit=100', headers: server.auth })).json<{ action: string }[]>();
    expect(entries).toHaveLength(18);
    expect(entries.every((entry) => entry.action === 'member.reveal')).toBe(true);
  });
});
