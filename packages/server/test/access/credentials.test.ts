import { afterEach, describe, expect, it } from 'vitest';
import { ensureFirstAdmin } from '../../src/access/first-admin.js';
import { DEFAULT_ACCESS } from '../../src/config.js';
import { createDemoAccounts } from '../../src/demo/demo-accounts.js';
import { buildServer } from '../../src/server.js';
import type { FastifyInstance } from 'fastify';
import { DIALECTS } from '../support/dialects.js';
import { smallTerritory } from '../support/small-territory.js';

describe('credentials at start-up', () => {
  const opened: FastifyInstance[] = [];
  const disposals: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const app of opened.splice(0)) await app.close();
    for (const dispose of disposals.splice(0)) await dispose();
  });

  async function freshStorage() {
    const { options, dispose } = await DIALECTS[0]!.fresh();
    disposals.push(dispose);
    return options;
  }

  async function boot(storage: Awaited<ReturnType<typeof freshStorage>>, access = DEFAULT_ACCESS): Promise<FastifyInstance> {
    const app = await buildServer({
      config: { port: 0, host: '127.0.0.1', dataDir: '', databaseUrl: null, logLevel: 'silent', access },
      storage,
      dashboardDir: '/nonexistent',
    });
    await app.ready();
    opened.push(app);
    return app;
  }

  const me = (app: FastifyInstance, token: string) =>
    app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { authorization: `Bearer ${token}` } });

  it('generates a wall token on first start, keeps it across restarts, and it opens the counts only', async () => {
    const storage = await freshStorage();
    const first = await boot(storage);
    const token = first.access.wallToken;
    expect(token.length).toBeGreaterThanOrEqual(32);
    await first.close();
    opened.pop();
    const again = await boot(storage);
    expect(again.access.wallToken).toBe(token);
    expect((await me(again, token)).json()).toMatchObject({ role: 'wall', scope: { kind: 'everything' } });
    expect((await again.inject({ method: 'GET', url: '/api/v1/users', headers: { authorization: `Bearer ${token}` } })).statusCode).toBe(403);
  });

  it('takes the wall token from GRIDSWEEP_WALL_TOKEN when it is set, and no other', async () => {
    const app = await boot(await freshStorage(), { ...DEFAULT_ACCESS, wallToken: 'a-wall-token-from-the-env' });
    expect((await me(app, 'a-wall-token-from-the-env')).json()).toMatchObject({ role: 'wall' });
    expect((await me(app, 'a-wall-token-from-the-enV')).statusCode).toBe(401);
  });

  it('creates the first admin once, with a generated password shown once, or the configured one', async () => {
    const app = await boot(await freshStorage());
    const created = await ensureFirstAdmin(app.access.users, null);
    expect(created).toMatchObject({ username: 'admin' });
    expect(await ensureFirstAdmin(app.access.users, null)).toBeNull();
    const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'admin', password: created!.password } });
    expect(login.json()).toMatchObject({ user: { role: 'admin', rootAreaIds: [] } });

    const configured = await boot(await freshStorage());
    expect(await ensureFirstAdmin(configured.access.users, 'from-the-environment')).toBeNull();
    const withEnv = await configured.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'admin', password: 'from-the-environment' } });
    expect(withEnv.statusCode).toBe(200);
  });

  it('makes one demo account per signed-in role, each scoped to part of the city, once', async () => {
    const app = await boot(await freshStorage());
    const { round, ...records } = smallTerritory();
    await app.roster.loadTerritory(records);
    await app.roster.addRound(round);
    const accounts = await createDemoAccounts(app.access.users, app.roster.territory);
    expect(accounts?.map((account) => account.role)).toEqual(['commander', 'supervisor', 'worker', 'resident']);
    expect(await createDemoAccounts(app.access.users, app.roster.territory)).toBeNull();
    const scopes = (await app.access.users.all()).map((user) => [user.username, user.scope]);
    expect(Object.fromEntries(scopes)).toEqual({
      commander: { kind: 'areas', areaIds: ['c'] },
      supervisor: { kind: 'areas', areaIds: ['cm'] },
      worker: { kind: 'areas', areaIds: ['mg1'] },
      resident: { kind: 'household', householdId: 'mg1-b1-1-101' },
    });
  });
});
