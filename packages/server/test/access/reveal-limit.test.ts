import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, type SignedIn } from '../support/accounts.js';
import { DIALECTS } from '../support/dialects.js';
import { smallTerritory } from '../support/small-territory.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

const MEMBERS = smallTerritory().members.map((member) => member.id);

describe('reveals of personal data', () => {
  let server: TestServer;
  let supervisor: SignedIn;

  beforeAll(async () => {
    server = await startTestServer(DIALECTS[0]!, { territory: smallTerritory(), access: { rateLimitPerMinute: 0 } });
    supervisor = await signIn(server.app, 'sup', 'supervisor', { kind: 'areas', areaIds: ['g'] });
  });
  afterAll(async () => server.close());

  const reveal = (who: SignedIn, memberId: string, body: object = { purpose: 'home_visit', reason: 'home sampling visit' }) =>
    server.app.inject({ method: 'POST', url: `/api/v1/members/${memberId}/reveal`, headers: who.auth, payload: body });

  it('are refused with 429 past 20 in the window, and the refusal is audited with its purpose and reason', async () => {
    for (const memberId of MEMBERS.slice(0, 20)) expect((await reveal(supervisor, memberId)).statusCode).toBe(200);
    const twentyFirst = await reveal(supervisor, MEMBERS[20]!, { purpose: 'other', reason: 'abcd' });
    expect(twentyFirst.statusCode).toBe(429);
    expect(Number(twentyFirst.headers['retry-after'])).toBeGreaterThan(0);
    expect(twentyFirst.json()).toMatchObject({ code: 'RATE_LIMITED' });
    expect(JSON.stringify(twentyFirst.json())).not.toContain('张三');
    const log = await server.app.access.audit.recent({ limit: 50 });
    expect(log.filter((entry) => entry.actorId === 'sup' && entry.action === 'member.reveal')).toHaveLength(20);
    expect(log.find((entry) => entry.action === 'member.reveal-refused')).toMatchObject({ target: `member:${MEMBERS[20]}`, reason: 'other: abcd' });
  });

  it("count per user: another supervisor's reveals are not held back by the first one's", async () => {
    const other = await signIn(server.app, 'sup2', 'supervisor', { kind: 'areas', areaIds: ['g'] });
    expect((await reveal(other, MEMBERS[0]!)).statusCode).toBe(200);
  });

  it('need a purpose from the list as well as a reason', async () => {
    const other = await signIn(server.app, 'sup3', 'supervisor', { kind: 'areas', areaIds: ['g'] });
    const noPurpose = await reveal(other, MEMBERS[0]!, { reason: 'home sampling visit' });
    expect(noPurpose.statusCode).toBe(400);
    expect(noPurpose.json()).toMatchObject({ issues: [{ field: 'purpose' }] });
    expect((await reveal(other, MEMBERS[0]!, { purpose: 'curiosity', reason: 'home sampling visit' })).statusCode).toBe(400);
  });
});
