import Fastify from 'fastify';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { app } from '../../src/app.js';
import { DIALECTS } from '../support/dialects.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

const DIALECT = DIALECTS[0]!;

/** Paths of object schemas with named properties that do not close their shape. */
function openObjectSchemas(node: unknown, path = ''): string[] {
  if (typeof node !== 'object' || node === null) return [];
  const record = node as Record<string, unknown>;
  const here = record.type === 'object' && record.properties !== undefined && record.additionalProperties !== false ? [path] : [];
  return [...here, ...Object.entries(record).flatMap(([key, child]) => openObjectSchemas(child, `${path}/${key}`))];
}

describe('documentation, errors and the dashboard', () => {
  let server: TestServer | undefined;
  afterEach(async () => server?.close());

  it('serves an OpenAPI document in which every API route has a closed schema for each answer', async () => {
    server = await startTestServer(DIALECT);
    const response = await server.app.inject({ method: 'GET', url: '/api/openapi.json', headers: server.auth });
    expect(response.statusCode).toBe(200);
    const document = response.json<{ openapi: string; paths: Record<string, Record<string, { responses: Record<string, unknown> }>> }>();
    expect(document.openapi).toBe('3.1.0');
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(['/api/v1/events', '/api/v1/areas', '/api/v1/areas.geojson', '/api/v1/area-tiles/{z}/{x}/{y}', '/api/v1/rounds', '/api/health']),
    );
    for (const [path, operations] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        expect(Object.keys(operation.responses), `${method} ${path}`).not.toHaveLength(0);
      }
    }
    expect(openObjectSchemas(document.paths)).toEqual([]);
  });

  it('serves browsable docs whose page loads nothing from another host', async () => {
    server = await startTestServer(DIALECT);
    const page = await server.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('swagger-ui');
    expect(page.body).not.toMatch(/(src|href)="(https?:)?\/\//);
  });

  it('answers an unexpected failure with 500 and a request id, never its internals', async () => {
    const { options, dispose } = await DIALECT.fresh();
    const fastify = Fastify({ logger: false });
    await fastify.register(app({ config: { port: 0, host: '', dataDir: '', databaseUrl: null, logLevel: 'silent' }, storage: options, dashboardDir: '/nonexistent' }));
    fastify.get('/boom', async () => {
      throw new Error('secret connection string postgres://admin:hunter2@db');
    });
    try {
      const response = await fastify.inject({ method: 'GET', url: '/boom' });
      expect(response.statusCode).toBe(500);
      expect(Object.keys(response.json<object>()).sort()).toEqual(['code', 'message', 'requestId']);
      expect(response.json()).toMatchObject({ code: 'INTERNAL' });
      expect(response.body).not.toContain('hunter2');
    } finally {
      await fastify.close();
      await dispose();
    }
  });

  it('answers malformed JSON with 400 and an unknown API path with a coded 404', async () => {
    server = await startTestServer(DIALECT);
    const bad = await server.app.inject({ method: 'POST', url: '/api/v1/events', headers: { ...server.auth, 'content-type': 'application/json' }, payload: '{"events": [' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'BAD_REQUEST' });
    expect((await server.app.inject({ method: 'GET', url: '/api/v1/nothing', headers: server.auth })).json()).toMatchObject({ code: 'ROUTE_NOT_FOUND' });
  });

  it('serves the placeholder page at / when the dashboard is not built', async () => {
    server = await startTestServer(DIALECT);
    const page = await server.app.inject({ method: 'GET', url: '/', headers: server.auth });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('gridsweep 扫楼');
  });

  it("serves the dashboard's build at / and its page for deep links, but not for API paths", async () => {
    const dashboardDir = mkdtempSync(join(tmpdir(), 'gridsweep-dashboard-'));
    writeFileSync(join(dashboardDir, 'index.html'), '<!doctype html><title>dashboard</title>');
    writeFileSync(join(dashboardDir, 'app.js'), 'console.log(1)');
    try {
      server = await startTestServer(DIALECT, { dashboardDir });
      expect((await server.app.inject({ method: 'GET', url: '/', headers: server.auth })).body).toContain('<title>dashboard</title>');
      expect((await server.app.inject({ method: 'GET', url: '/app.js', headers: server.auth })).body).toBe('console.log(1)');
      const deep = await server.app.inject({ method: 'GET', url: '/wall', headers: server.auth });
      expect(deep.statusCode).toBe(200);
      expect(deep.body).toContain('<title>dashboard</title>');
      expect((await server.app.inject({ method: 'GET', url: '/api/v1/nothing', headers: server.auth })).statusCode).toBe(404);
    } finally {
      rmSync(dashboardDir, { recursive: true, force: true });
    }
  });

  it('reports its storage at /api/health', async () => {
    server = await startTestServer(DIALECT);
    expect((await server.app.inject({ method: 'GET', url: '/api/health', headers: server.auth })).json()).toEqual({ status: 'ok', storage: 'pglite' });
  });
});
