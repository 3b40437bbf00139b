import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/dialects.js';
import { smallTerritory } from '../support/small-territory.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

const START_SCRIPT = 'window.__started = true;';
const DASHBOARD_PAGE = `<!doctype html><html><head><script type="module" src="/_app/start.js"></script></head><body><script>${START_SCRIPT}</script></body></html>`;

/** Pages, files and API answers of every kind: success, refusal, bad input, not found. */
const REQUESTS: ReadonlyArray<{ method: string; path: string; body?: unknown; auth?: boolean }> = [
  { method: 'GET', path: '/' },
  { method: 'GET', path: '/wall?token=wall-token-0123456789abc' },
  { method: 'GET', path: '/login' },
  { method: 'GET', path: '/_app/start.js' },
  { method: 'GET', path: '/api/health' },
  { method: 'GET', path: '/api/docs' },
  { method: 'GET', path: '/api/openapi.json' },
  { method: 'GET', path: '/api/v1/auth/me' },
  { method: 'GET', path: '/api/v1/areas', auth: true },
  { method: 'GET', path: '/api/v1/no-such-route' },
  { method: 'POST', path: '/api/v1/auth/login', body: { username: 'nobody', password: 'wrong-password' } },
  { method: 'POST', path: '/api/v1/auth/login', body: '{not json' },
  { method: 'GET', path: '/basemap/style.json' },
];

describe('security headers', () => {
  let server: TestServer;
  let baseUrl: string;
  let dashboardDir: string;

  beforeAll(async () => {
    dashboardDir = mkdtempSync(join(tmpdir(), 'gridsweep-headers-'));
    writeFileSync(join(dashboardDir, 'index.html'), DASHBOARD_PAGE);
    mkdirSync(join(dashboardDir, '_app'));
    writeFileSync(join(dashboardDir, '_app', 'start.js'), 'export {};');
    server = await startTestServer(DIALECTS[0]!, { territory: smallTerritory(), dashboardDir });
    await server.app.listen({ port: 0, host: '127.0.0.1' });
    baseUrl = `http://127.0.0.1:${(server.app.server.address() as { port: number }).port}`;
  });
  afterAll(async () => {
    await server.close();
    rmSync(dashboardDir, { recursive: true, force: true });
  });

  it.each(REQUESTS)('$method $path answers with a script policy, no framing, nosniff and no Referer', async ({ method, path, body, auth }) => {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { ...(auth ? server.auth : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });
    await response.arrayBuffer();
    const policy = response.headers.get('content-security-policy') ?? '';
    expect(policy).toMatch(/(^|;)script-src 'self'( 'sha256-[^']+')*(;|$)/);
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("object-src 'none'");
    expect(policy).not.toContain('unsafe-eval');
    expect(policy).not.toContain('upgrade-insecure-requests');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
  });

  it('lets exactly the dashboard page\'s own inline start-up script run, by its hash', async () => {
    const policy = (await fetch(`${baseUrl}/wall`)).headers.get('content-security-policy') ?? '';
    const hash = createHash('sha256').update(START_SCRIPT).digest('base64');
    const scriptSources = /script-src ([^;]*)/.exec(policy)?.[1]?.split(' ');
    expect(scriptSources).toEqual(["'self'", `'sha256-${hash}'`]);
  });
});
