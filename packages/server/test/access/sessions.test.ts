import { afterEach, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/server.js';
import { DEFAULT_ACCESS } from '../../src/config.js';
import { connect, type LiveTestSocket } from '../live/live-client.js';
import { signIn } from '../support/accounts.js';
import { DIALECTS } from '../support/dialects.js';
import { smallTerritory } from '../support/small-territory.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

const MINUTE = 60_000;

function opened(socket: LiveTestSocket): Promise<void> {
  return new Promise((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('connect_error', reject);
  });
}

function closedByServer(socket: LiveTestSocket): Promise<string> {
  return new Promise((resolve) => socket.once('disconnect', (reason) => resolve(reason)));
}

describe('sessions', () => {
  let server: TestServer | undefined;
  const sockets: LiveTestSocket[] = [];
  afterEach(async () => {
    sockets.splice(0).forEach((socket) => socket.disconnect());
    await server?.close();
    server = undefined;
  });

  async function start(setup: Parameters<typeof startTestServer>[1] = {}) {
    server = await startTestServer(DIALECTS[0]!, { territory: smallTerritory(), ...setup });
    await server.app.listen({ port: 0, host: '127.0.0.1' });
    return server;
  }
  const socketFor = (token: string) => {
    const socket = connect((server!.app.server.address() as { port: number }).port, token);
    sockets.push(socket);
    return socket;
  };
  const me = (token: string) => server!.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { authorization: `Bearer ${token}` } });

  it('a revoked user is signed out at once: HTTP answers 401, their socket closes, and reconnecting is refused', async () => {
    const { app } = await start();
    const worker = await signIn(app, 'worker-a', 'worker', { kind: 'areas', areaIds: ['mg1'] });
    const socket = socketFor(worker.token);
    await opened(socket);
    const closed = closedByServer(socket);

    const revoke = await app.inject({ method: 'POST', url: '/api/v1/users/worker-a/revoke', headers: server!.auth });
    expect(revoke.json()).toMatchObject({ id: 'worker-a', revoked: true });

    expect(await closed).toBe('io server disconnect');
    expect((await me(worker.token)).statusCode).toBe(401);
    socket.connect();
    await expect(opened(socket)).rejects.toThrow(/UNAUTHENTICATED/);
    const again = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'worker-a', password: 'worker-a-password' } });
    expect(again.statusCode).toBe(401);
  });

  it('logging out ends that session and closes its sockets, and leaves the other sessions of the user alone', async () => {
    const { app } = await start();
    const first = await signIn(app, 'sup', 'supervisor', { kind: 'areas', areaIds: ['cm'] });
    const second = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'sup', password: 'sup-password' } });
    const secondToken = second.json<{ token: string }>().token;
    const socket = socketFor(first.token);
    await opened(socket);
    const closed = closedByServer(socket);
    expect((await app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: first.auth })).statusCode).toBe(204);
    await closed;
    expect((await me(first.token)).statusCode).toBe(401);
    expect((await me(secondToken)).statusCode).toBe(200);
  });

  it('a session ends after its lifetime however busy, and after the idle timeout when unused, closing its socket', async () => {
    let now = Date.now();
    const { app } = await start({
      sessionClock: () => now,
      socketRecheckMs: 100,
      access: { sessionLifetimeMinutes: 60, sessionIdleMinutes: 10 },
    });
    const busy = await signIn(app, 'busy', 'commander', { kind: 'everything' });
    const idle = await signIn(app, 'idle', 'commander', { kind: 'everything' });
    const socket = socketFor(idle.token);
    await opened(socket);
    const closed = closedByServer(socket);

    for (let minute = 5; minute <= 55; minute += 5) {
      now += 5 * MINUTE;
      expect((await me(busy.token)).statusCode, `busy at ${minute} min`).toBe(200);
    }
    // Sixty-one minutes since login: busy or not, the lifetime is up.
    now += 6 * MINUTE;
    expect((await me(busy.token)).statusCode).toBe(401);
    // The idle session was never used after login, so it ended after ten minutes, and its socket with it.
    expect(await closed).toBe('io server disconnect');
    expect((await me(idle.token)).statusCode).toBe(401);
  });

  it.runIf(DIALECTS.some((d) => d.name === 'postgres'))(
    'a revocation made on one server process closes the sockets on another within 60 s',
    async () => {
      const dialect = DIALECTS.find((d) => d.name === 'postgres')!;
      server = await startTestServer(dialect, { territory: smallTerritory() });
      const first = server.app;
      const worker = await signIn(first, 'worker-a', 'worker', { kind: 'areas', areaIds: ['mg1'] });
      const second = await buildServer({
        config: { port: 0, host: '127.0.0.1', dataDir: '', databaseUrl: null, logLevel: 'silent', access: DEFAULT_ACCESS },
        storage: (first.appOptions.storage ?? null)!,
        dashboardDir: '/nonexistent',
        socketRecheckMs: 1_000,
      });
      try {
        await second.listen({ port: 0, host: '127.0.0.1' });
        const socket = connect((second.server.address() as { port: number }).port, worker.token);
        sockets.push(socket);
        await opened(socket);
        const closed = closedByServer(socket);
        await first.inject({ method: 'POST', url: '/api/v1/users/worker-a/revoke', headers: server.auth });
        // The test's own limit (60 s) is the requirement's bound.
        expect(await closed).toBe('io server disconnect');
      } finally {
        await second.close();
      }
    },
    60_000,
  );
});
