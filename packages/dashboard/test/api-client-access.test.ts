import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiClient } from '../src/lib/api/api-client.js';
import { Credential } from '../src/lib/auth/credential.svelte.js';

const ACCOUNT = { id: 'u-1', username: 'commander', role: 'commander', scope: { kind: 'areas', areaIds: ['c-1'] }, rootAreaIds: ['c-1'] };

// A real HTTP server standing in for gridsweep's access rules: one valid token, one user with one password.
describe('ApiClient and access control', () => {
  let server: Server;
  let baseUrl: string;
  let seen: { url: string; authorization: string | undefined }[];
  let loginAnswer: (response: ServerResponse) => void;

  function answer(request: IncomingMessage, response: ServerResponse): void {
    seen.push({ url: request.url ?? '', authorization: request.headers.authorization });
    response.setHeader('content-type', 'application/json');
    if (request.url === '/api/v1/auth/login') return loginAnswer(response);
    if (request.headers.authorization !== 'Bearer good-token') {
      response.statusCode = 401;
      response.setHeader('www-authenticate', 'Bearer');
      return void response.end(JSON.stringify({ code: 'UNAUTHENTICATED' }));
    }
    if (request.url === '/api/v1/auth/me') return void response.end(JSON.stringify(ACCOUNT));
    response.end(JSON.stringify([]));
  }

  beforeEach(async () => {
    seen = [];
    loginAnswer = (response) => response.end(JSON.stringify({ token: 'good-token', expiresAt: 0, user: ACCOUNT }));
    server = createServer(answer);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });

  afterEach(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  it('sends the tab\'s token as a bearer token on every call', async () => {
    const credential = new Credential(null);
    credential.set('good-token');
    const api = new ApiClient(baseUrl, undefined, credential);
    await api.rounds();
    expect(await api.me()).toEqual(ACCOUNT);
    expect(seen.map((request) => request.authorization)).toEqual(['Bearer good-token', 'Bearer good-token']);
  });

  it('reports a refused token to the credential, which is then no longer usable', async () => {
    const credential = new Credential(null);
    credential.set('stale-token');
    const api = new ApiClient(baseUrl, undefined, credential);
    await expect(api.rounds()).rejects.toThrow('HTTP 401');
    expect(credential.rejected).toBe(true);
    expect(credential.usable).toBe(false);
  });

  it('sends no authorization header at all without a token', async () => {
    const api = new ApiClient(baseUrl, undefined, new Credential(null));
    await expect(api.rounds()).rejects.toThrow('HTTP 401');
    expect(seen[0]?.authorization).toBeUndefined();
  });

  it('signs out the token it is given, even once the tab has forgotten it', async () => {
    const credential = new Credential(null);
    const api = new ApiClient(baseUrl, undefined, credential);
    await api.logout('good-token');
    expect(seen).toEqual([{ url: '/api/v1/auth/logout', authorization: 'Bearer good-token' }]);
  });

  it('answers a sign-in with the token and the account', async () => {
    const api = new ApiClient(baseUrl, undefined, new Credential(null));
    expect(await api.login('commander', 'right')).toEqual({ ok: true, token: 'good-token', account: ACCOUNT });
  });

  it('answers a wrong password as a value, and does not count it as a refused credential', async () => {
    loginAnswer = (response) => {
      response.statusCode = 401;
      response.end(JSON.stringify({ code: 'LOGIN_FAILED' }));
    };
    const credential = new Credential(null);
    const api = new ApiClient(baseUrl, undefined, credential);
    expect(await api.login('commander', 'wrong')).toEqual({ ok: false, reason: 'LOGIN_FAILED' });
    expect(credential.rejected).toBe(false);
  });

  it('passes on how long to wait when sign-ins are rate limited', async () => {
    loginAnswer = (response) => {
      response.statusCode = 429;
      response.setHeader('retry-after', '83');
      response.end(JSON.stringify({ code: 'RATE_LIMITED' }));
    };
    const api = new ApiClient(baseUrl, undefined, new Credential(null));
    expect(await api.login('commander', 'guess')).toEqual({ ok: false, reason: 'RATE_LIMITED', retryAfterSeconds: 83 });
  });
});
