import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/dialects.js';
import { memberEvent, smallTerritory, visitEvent } from '../support/small-territory.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

const DIALECT = DIALECTS[0]!;

describe('territory and round routes', () => {
  let server: TestServer;
  beforeEach(async () => {
    server = await startTestServer(DIALECT, { territory: smallTerritory() });
  });
  afterEach(async () => server.close());

  const get = (url: string) => server.app.inject({ headers: server.auth, method: 'GET', url });
  const post = (url: string, payload: unknown) => server.app.inject({ headers: server.auth, method: 'POST', url, payload: payload as object });

  it('lists the roots, the children of an area, and the areas of a level inside an area', async () => {
    expect((await get('/api/v1/areas')).json<{ id: string }[]>().map((a) => a.id)).toEqual(['c']);
    expect((await get('/api/v1/areas?parentId=g')).json<{ id: string }[]>().map((a) => a.id)).toEqual(['mg1', 'mg2']);
    expect((await get('/api/v1/areas?level=microgrid&within=s')).json<{ id: string }[]>().map((a) => a.id)).toEqual(['mg1', 'mg2']);
  });

  it('serves micro-grids as a GeoJSON FeatureCollection with id, parent, the two nearest ancestors, level and name', async () => {
    const response = await get('/api/v1/areas.geojson?level=microgrid&within=c');
    expect(response.statusCode).toBe(200);
    const collection = response.json<{ type: string; features: { id: string; geometry: { type: string }; properties: unknown }[] }>();
    expect(collection.type).toBe('FeatureCollection');
    expect(collection.features.map((f) => f.properties)).toEqual([
      { id: 'mg1', parentId: 'g', ancestry: [{ id: 'g', name: '网格一' }, { id: 'cm', name: '社区一' }], level: 'microgrid', name: '微网格一', outlined: true },
      { id: 'mg2', parentId: 'g', ancestry: [{ id: 'g', name: '网格一' }, { id: 'cm', name: '社区一' }], level: 'microgrid', name: '微网格二', outlined: true },
    ]);
    expect(collection.features[0]!.geometry.type).toBe('Polygon');
  });

  it('marks an area without an outline as such, and gives no bbox when no area of the view has one', async () => {
    const collection = (await get('/api/v1/areas.geojson?level=district&within=c&geometry=none')).json<{ bbox?: unknown; features: { properties: { id: string; outlined: boolean } }[] }>();
    expect(collection.features.map((f) => [f.properties.id, f.properties.outlined])).toEqual([['d', false]]);
    expect(collection.bbox).toBeUndefined();
  });

  it('answers 404 with a code for an unknown area, building or round', async () => {
    expect((await get('/api/v1/areas/nope')).json()).toMatchObject({ code: 'AREA_NOT_FOUND' });
    expect((await get('/api/v1/areas.geojson?level=microgrid&within=nope')).statusCode).toBe(404);
    expect((await get('/api/v1/buildings/nope/households')).json()).toMatchObject({ code: 'BUILDING_NOT_FOUND' });
    expect((await get('/api/v1/rounds/nope')).json()).toMatchObject({ code: 'ROUND_NOT_FOUND' });
  });

  it('adds an area, a building, a household and a member, which are then read back', async () => {
    expect((await post('/api/v1/areas', { id: 'mg3', parentId: 'g', level: 'microgrid', name: '微网格三' })).statusCode).toBe(201);
    expect((await post('/api/v1/buildings', { id: 'b3', areaId: 'mg3', name: '3号楼', units: 1, floors: 6 })).statusCode).toBe(201);
    expect((await post('/api/v1/households', { id: 'h3', buildingId: 'b3', unit: 1, floor: 2, room: '201' })).statusCode).toBe(201);
    const member = await post('/api/v1/members', { id: 'm3', householdId: 'h3', name: '王五', tags: ['disabled'] });
    expect(member.statusCode).toBe(201);
    expect(member.json()).toEqual({ id: 'm3', householdId: 'h3' });
    const door = (await get('/api/v1/buildings/b3/households')).json<{ households: { id: string; members: { id: string }[] }[] }>();
    expect(door.households.map((h) => [h.id, h.members.map((m) => m.id)])).toEqual([['h3', ['m3']]]);
  });

  it("keeps a member's unknown birth year and phone unknown: a null is not read as 0 or as empty text", async () => {
    expect((await post('/api/v1/members', { id: 'm-null', householdId: 'mg1-b1-1-101', name: '王五', phone: null, birthYear: null, tags: [] })).statusCode).toBe(201);
    const door = (await get('/api/v1/households/mg1-b1-1-101')).json<{ household: { members: { id: string; phone: unknown; birthYear: unknown }[] } }>();
    expect(door.household.members.find((member) => member.id === 'm-null')).toMatchObject({ phone: null, birthYear: null });
  });

  it('refuses a write that breaks the tree with 400 naming the field, and stores nothing', async () => {
    const response = await post('/api/v1/areas', { id: 'x', parentId: 'g', level: 'street', name: 'wrong level' });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'VALIDATION_FAILED', issues: [{ field: 'level', reason: 'must be microgrid under a grid' }] });
    expect((await get('/api/v1/areas/x')).statusCode).toBe(404);
  });

  it('refuses an unknown field instead of ignoring it', async () => {
    const response = await post('/api/v1/households', { id: 'h9', buildingId: 'mg1-b1', unit: 1, floor: 1, room: '1', colour: 'red' });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'VALIDATION_FAILED', issues: [{ field: 'colour', reason: 'is not a known field' }] });
  });

  it('refuses a second record with an id already used', async () => {
    const response = await post('/api/v1/households', { id: 'mg1-b1-1-101', buildingId: 'mg1-b1', unit: 1, floor: 1, room: '101' });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ issues: [{ field: 'id', reason: 'household mg1-b1-1-101 already exists' }] });
  });

  it('answers one of two simultaneous writes of the same new id with 201 and the other with 409 or 400', async () => {
    const household = { id: 'h-race', buildingId: 'mg1-b1', unit: 1, floor: 4, room: '401' };
    const answers = await Promise.all([post('/api/v1/households', household), post('/api/v1/households', household)]);
    const statuses = answers.map((a) => a.statusCode).sort();
    expect(statuses[0]).toBe(201);
    expect([400, 409]).toContain(statuses[1]);
    expect(answers.every((a) => a.statusCode < 500)).toBe(true);
  });

  it("shows a building's households with the round's latest values, the later observation winning", async () => {
    const h = 'mg1-b1-1-101';
    const events = [
      visitEvent(h, { deviceTime: Date.UTC(2022, 10, 14, 10), values: { outcome: 'visited' } }),
      visitEvent(h, { deviceTime: Date.UTC(2022, 10, 14, 9), values: { outcome: 'no_answer' } }),
      memberEvent(h, `${h}-m2`, 1),
    ];
    await server.app.inject({ headers: server.auth, method: 'POST', url: '/api/v1/events', payload: { events } });
    const door = (await get('/api/v1/buildings/mg1-b1/households?roundId=r1')).json<{
      households: { id: string; values: object; lastRecordedAt: number | null; members: { id: string; values: object }[] }[];
    }>();
    const household = door.households.find((x) => x.id === h)!;
    expect(household.values).toEqual({ outcome: 'visited' });
    expect(household.lastRecordedAt).toBe(Date.UTC(2022, 10, 14, 10));
    expect(household.members.find((m) => m.id === `${h}-m2`)!.values).toEqual({ test: 'not_tested' });
    expect(door.households.find((x) => x.id === 'mg1-b1-1-201')!.values).toEqual({});
  });

  it('opens a round and lists it', async () => {
    const round = { id: 'r2', name: '11-15 全员核酸', templateId: 'nucleic-acid', rulesId: 'nucleic-acid-default', areaId: 'd', startsAt: Date.UTC(2022, 10, 15) };
    expect((await post('/api/v1/rounds', round)).statusCode).toBe(201);
    expect((await get('/api/v1/rounds')).json<{ id: string }[]>().map((r) => r.id)).toEqual(['r1', 'r2']);
    expect((await post('/api/v1/rounds', round)).json()).toMatchObject({ issues: [{ field: 'id' }] });
  });
});
