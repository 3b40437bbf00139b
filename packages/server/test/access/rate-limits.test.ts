import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RateLimiter } from '../../src/access/rate-limiter.js';
import { signIn, type SignedIn } from '../support/accounts.js';
import { DIALECTS } from '../support/dialects.js';
import { smallTerritory } from '../support/small-territory.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

describe('rate limits', () => {
  let server: TestServer;
  let first: SignedIn;
  let second: SignedIn;

  beforeAll(async () => {
    server = await startTestServer(DIALECTS[0]!, { territory: smallTerritory(), access: { rateLimitPerMinute: 5 } });
    first = await signIn(server.app, 'phone-1', 'worker', { kind: 'areas', areaIds: ['mg1'] });
    second = await signIn(server.app, 'phone-2', 'worker', { kind: 'areas', areaIds: ['mg1'] });
  }, 60_000);
  afterAll(async () => server.close());

  // Every injected request comes from the same address, as phones behind one carrier gateway do.
  const rounds = (who: SignedIn) => server.app.inject({ method: 'GET', url: '/api/v1/rounds', headers: who.auth });

  it('answers 429 with Retry-After once a user spent their minute, while another user at the same address goes on', async () => {
    for (let i = 0; i < 5; i++) expect((await rounds(first)).statusCode).toBe(200);
    const limited = await rounds(first);
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toMatchObject({ code: 'RATE_LIMITED' });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect((await rounds(second)).statusCode).toBe(200);
  });

  it('limits the shared wall token per display address, so one busy wall cannot silence the others', async () => {
    const wall = { authorization: `Bearer ${server.app.access.wallToken}` };
    const fromWall = (remoteAddress: string) => server.app.inject({ method: 'GET', url: '/api/v1/rounds', headers: wall, remoteAddress });
    for (let i = 0; i < 5; i++) expect((await fromWall('10.0.0.1')).statusCode).toBe(200);
    expect((await fromWall('10.0.0.1')).statusCode).toBe(429);
    expect((await fromWall('10.0.0.2')).statusCode).toBe(200);
  });

  it('refuses a username after ten wrong passwords in a row, even with the right one, and says when to retry', async () => {
    await signIn(server.app, 'guessed', 'commander', { kind: 'everything' });
    const login = (password: string) => server.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'guessed', password } });
    for (let i = 0; i < 10; i++) expect((await login(`wrong-${i}`)).json()).toMatchObject({ code: 'LOGIN_FAILED' });
    const locked = await login('guessed-password');
    expect(locked.statusCode).toBe(429);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
  });
});

describe('the token bucket', () => {
  it('refills evenly: after the burst, one more request per 60/perMinute seconds', () => {
    let now = 0;
    const limiter = new RateLimiter(60, { burst: 2, now: () => now });
    expect(limiter.take('u').allowed).toBe(true);
    expect(limiter.take('u').allowed).toBe(true);
    expect(limiter.take('u')).toEqual({ allowed: false, retryAfterSeconds: 1 });
    now += 1_000;
    expect(limiter.take('u').allowed).toBe(true);
    expect(limiter.take('u').allowed).toBe(false);
  });

  it('is off at zero per minute', () => {
    const limiter = new RateLimiter(0);
    for (let i = 0; i < 1000; i++) expect(limiter.take('u').allowed).toBe(true);
  });
});
