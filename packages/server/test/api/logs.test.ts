import { afterEach, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/server.js';
import { DIALECTS } from '../support/dialects.js';
import { smallTerritory, visitEvent } from '../support/small-territory.js';
import { signInAsAdmin } from '../support/test-server.js';

describe('the request log', () => {
  let close: (() => Promise<void>) | undefined;
  afterEach(async () => close?.());

  it('has a line per request with its id, and no name or phone number from any body', async () => {
    const lines: string[] = [];
    const { options, dispose } = await DIALECTS[0]!.fresh();
    const app = await buildServer(
      { config: { port: 0, host: '127.0.0.1', dataDir: '', databaseUrl: null, logLevel: 'info' }, storage: options, dashboardDir: '/nonexistent' },
      { write: (line) => void lines.push(line) },
    );
    close = async () => {
      await app.close();
      await dispose();
    };
    await app.ready();
    const { round, ...records } = smallTerritory();
    await app.roster.loadTerritory(records);
    await app.roster.addRound(round);
    const auth = { authorization: `Bearer ${await signInAsAdmin(app)}` };

    const member = { id: 'm-new', householdId: 'mg1-b1-1-101', name: '欧阳娜娜', phone: '13912345678', tags: [] };
    const created = await app.inject({ method: 'POST', url: '/api/v1/members', payload: member, headers: { ...auth, 'x-request-id': 'req-member' } });
    expect(created.statusCode).toBe(201);
    await app.inject({ method: 'POST', url: '/api/v1/members', payload: { ...member, phone: 'not a phone 欧阳娜娜' }, headers: auth });
    await app.inject({ method: 'POST', url: '/api/v1/events', headers: auth, payload: { events: [visitEvent('mg1-b1-1-101', { workerId: 'w-13912345678' })] } });

    const log = lines.join('');
    expect(lines.map((line) => JSON.parse(line) as { reqId?: string }).some((entry) => entry.reqId === 'req-member')).toBe(true);
    expect(log).not.toContain('欧阳娜娜');
    expect(log).not.toContain('13912345678');
  });

  it('keeps no credential from any parameter, whatever its name or encoding', async () => {
    const lines: string[] = [];
    const { options, dispose } = await DIALECTS[0]!.fresh();
    const app = await buildServer(
      { config: { port: 0, host: '127.0.0.1', dataDir: '', databaseUrl: null, logLevel: 'info' }, storage: options, dashboardDir: '/nonexistent' },
      { write: (line) => void lines.push(line) },
    );
    close = async () => {
      await app.close();
      await dispose();
    };
    await app.ready();
    const secrets = ['SECRET-WALL-1', 'SECRET-ACCESS-2', 'SECRET-ENCODED-3', 'SECRET-UPPER-4', 'SECRET-PASSWORD-5', 'SECRET-PLUS-6'];
    for (const url of [
      `/wall?token=${secrets[0]}`,
      `/api/health?level=city&access_token=${secrets[1]}`,
      `/wall?%74oken=${secrets[2]}`,
      `/wall?TOKEN=${secrets[3]}&lang=en`,
      `/api/health?pass%77ord=${secrets[4]}`,
      `/wall?api+key=x&session_id=${secrets[5]}`,
    ]) {
      await app.inject({ method: 'GET', url });
    }
    const log = lines.join('');
    for (const secret of secrets) expect(log).not.toContain(secret);
    // What is not a credential stays, so the log still says what was asked.
    expect(log).toContain('level=city');
    expect(log).toContain('lang=en');
  });
});
