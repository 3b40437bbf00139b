import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from '../support/accounts.js';
import { DIALECTS } from '../support/dialects.js';
import { smallTerritory } from '../support/small-territory.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

const square = (x: number, y: number, size: number) => ({
  type: 'Polygon' as const,
  coordinates: [[[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]]],
});

describe("an area's outline", () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer(DIALECTS[0]!, { territory: smallTerritory() });
  });
  afterAll(async () => server.close());

  const create = (auth: { authorization: string }, id: string, geometry: unknown) =>
    server.app.inject({ method: 'POST', url: '/api/v1/areas', headers: auth, payload: { id, parentId: 'g', level: 'microgrid', name: '新微网格', geometry } });
  const cityBounds = async () => (await server.app.inject({ method: 'GET', url: '/api/v1/areas?parentId=c', headers: server.auth })).json<{ bbox?: unknown }>();

  it("is refused with 400 naming the geometry when it reaches out of its parent's (the nearest drawn ancestor's)", async () => {
    const supervisor = await signIn(server.app, 'sup', 'supervisor', { kind: 'areas', areaIds: ['g'] });
    const before = await cityBounds();
    // The city is a 0.2° square from 119.2, 26.0; this one covers a whole province.
    const oversized = await create(supervisor.auth, 'mg-huge', square(118, 25, 3));
    expect(oversized.statusCode).toBe(400);
    expect(oversized.json()).toMatchObject({ code: 'VALIDATION_FAILED', issues: [{ field: 'geometry' }] });
    expect((await server.app.inject({ method: 'GET', url: '/api/v1/areas?ids=mg-huge', headers: server.auth })).body).not.toContain('mg-huge');
    expect(await cityBounds()).toEqual(before);
  });

  it('is taken when it lies inside, borders within a small tolerance', async () => {
    expect((await create(server.auth, 'mg-inside', square(119.201, 26.001, 0.005))).statusCode).toBe(201);
    // Sticking out by a hair (0.5 % of its area) is a hand-drawn border, not a takeover.
    expect((await create(server.auth, 'mg-edge', square(119.19995, 26.1, 0.01))).statusCode).toBe(201);
    // A fifth of it outside is not.
    expect((await create(server.auth, 'mg-across', square(119.198, 26.1, 0.01))).statusCode).toBe(400);
  });
});
