import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AREA_TILE_LAYER } from '../../src/area-tiles/area-tile-set.js';
import { signIn } from '../support/accounts.js';
import { DIALECTS } from '../support/dialects.js';
import { smallTerritory } from '../support/small-territory.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

/** The z/x/y of the web-mercator tile holding a point. */
function tileAt(lon: number, lat: number, z: number): string {
  const n = 2 ** z;
  const rad = (lat * Math.PI) / 180;
  const x = Math.floor(((lon + 180) / 360) * n);
  const y = Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * n);
  return `${z}/${x}/${y}`;
}

// At zoom 8 one tile holds the whole small territory (the city from 119.2 to 119.4, the micro-grids at 119.3),
// and a 0.01° square is still some pixels wide, so simplification keeps it.
const TERRITORY_TILE = tileAt(119.3, 26.1, 8);
const EMPTY_TILE = '8/0/0';

/** The area ids a tile draws, in its order; none for an empty body. */
function idsIn(bytes: Buffer): string[] {
  const layer = new VectorTile(new PbfReader(bytes)).layers[AREA_TILE_LAYER];
  if (!layer) return [];
  return Array.from({ length: layer.length }, (_, i) => String(layer.feature(i).properties.id));
}

const square = (x: number, y: number) => ({ type: 'Polygon', coordinates: [[[x, y], [x + 0.01, y], [x + 0.01, y + 0.01], [x, y + 0.01], [x, y]]] });

describe.each(DIALECTS)('area vector tiles on $name', (dialect) => {
  let server: TestServer;
  beforeEach(async () => {
    server = await startTestServer(dialect, { territory: smallTerritory() });
  });
  afterEach(async () => server.close());

  const get = (url: string, headers: Record<string, string> = server.auth) => server.app.inject({ headers, method: 'GET', url });
  const tile = (at: string, query: string, headers?: Record<string, string>) => get(`/api/v1/area-tiles/${at}?${query}`, headers);

  it('draws every area of the view once, by its id, and none of another level, in a tile that covers the view', async () => {
    const response = await tile(TERRITORY_TILE, 'level=microgrid');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/vnd.mapbox-vector-tile');
    expect(response.headers['cache-control']).toBe('private, no-cache');
    expect(idsIn(response.rawPayload).sort()).toEqual(['mg1', 'mg2']);
    expect(idsIn((await tile(TERRITORY_TILE, 'level=microgrid&within=g')).rawPayload).sort()).toEqual(['mg1', 'mg2']);
    expect(idsIn((await tile(TERRITORY_TILE, 'level=city')).rawPayload)).toEqual(['c']);
  });

  it('answers an empty body for a tile no area reaches', async () => {
    const response = await tile(EMPTY_TILE, 'level=microgrid');
    expect(response.statusCode).toBe(200);
    expect(response.rawPayload).toHaveLength(0);
  });

  it('draws an area added after tiles were served in the next tile of that view, under a new ETag', async () => {
    const before = await tile(TERRITORY_TILE, 'level=microgrid');
    const added = await server.app.inject({
      headers: server.auth,
      method: 'POST',
      url: '/api/v1/areas',
      payload: { id: 'mg3', parentId: 'g', level: 'microgrid', name: '微网格三', geometry: square(119.32, 26.1) },
    });
    expect(added.statusCode).toBe(201);
    const after = await tile(TERRITORY_TILE, 'level=microgrid');
    expect(idsIn(after.rawPayload).sort()).toEqual(['mg1', 'mg2', 'mg3']);
    expect(after.headers.etag).not.toBe(before.headers.etag);
  });

  it('refuses x or y outside the grid and z beyond the deepest zoom with 400 naming the field, and changes nothing', async () => {
    const before = await tile(TERRITORY_TILE, 'level=microgrid');
    for (const [at, field] of [['2/4/0', 'x'], ['2/0/4', 'y'], ['16/0/0', 'z'], ['-1/0/0', 'z'], ['2/1.5/0', 'x']] as const) {
      const response = await tile(at, 'level=microgrid');
      expect(response.statusCode, at).toBe(400);
      expect(response.json(), at).toMatchObject({ code: 'VALIDATION_FAILED', issues: [{ field }] });
    }
    expect((await tile('2/0/0', '')).json()).toMatchObject({ code: 'VALIDATION_FAILED', issues: [{ field: 'level' }] });
    const after = await tile(TERRITORY_TILE, 'level=microgrid');
    expect(after.headers.etag).toBe(before.headers.etag);
    expect(after.rawPayload.equals(before.rawPayload)).toBe(true);
  });

  it('answers 404 AREA_NOT_FOUND for an unknown within, as areas.geojson does', async () => {
    const response = await tile(TERRITORY_TILE, 'level=microgrid&within=nope');
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ code: 'AREA_NOT_FOUND' });
    expect((await get('/api/v1/areas.geojson?level=microgrid&within=nope')).json()).toMatchObject({ code: 'AREA_NOT_FOUND' });
  });

  it('answers 304 with no body when If-None-Match names the ETag, and the tile again when it names another', async () => {
    const first = await tile(TERRITORY_TILE, 'level=microgrid');
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^".+"$/);
    const again = await tile(TERRITORY_TILE, 'level=microgrid', { ...server.auth, 'if-none-match': etag });
    expect(again.statusCode).toBe(304);
    expect(again.rawPayload).toHaveLength(0);
    expect(again.headers.etag).toBe(etag);
    const stale = await tile(TERRITORY_TILE, 'level=microgrid', { ...server.auth, 'if-none-match': '"elsewhere"' });
    expect(stale.statusCode).toBe(200);
    expect(idsIn(stale.rawPayload).sort()).toEqual(['mg1', 'mg2']);
    const otherTile = await tile(EMPTY_TILE, 'level=microgrid', { ...server.auth, 'if-none-match': etag });
    expect(otherTile.statusCode).toBe(200);
  });

  it('answers geometry=none with the ids of geometry=full, null geometries and the same bbox', async () => {
    type Collection = { bbox?: number[]; features: { id: string; geometry: unknown }[] };
    const full = (await get('/api/v1/areas.geojson?level=microgrid&within=c')).json<Collection>();
    const none = (await get('/api/v1/areas.geojson?level=microgrid&within=c&geometry=none')).json<Collection>();
    expect(full.bbox).toEqual([119.3, 26.1, 119.31 + 0.01, 26.1 + 0.01]); // mg1's south-west corner, mg2's north-east
    expect(none.bbox).toEqual(full.bbox);
    expect(none.features.map((f) => f.id)).toEqual(full.features.map((f) => f.id));
    expect(full.features.every((f) => f.geometry !== null)).toBe(true);
    expect(none.features.every((f) => f.geometry === null)).toBe(true);
    expect((await get('/api/v1/areas.geojson?level=microgrid&geometry=some')).json()).toMatchObject({ issues: [{ field: 'geometry' }] });
  });

  it('leaves bbox out when no area of the answer has a geometry', async () => {
    const collection = (await get('/api/v1/areas.geojson?level=district')).json<object>();
    expect(collection).toMatchObject({ features: [{ id: 'd', geometry: null }] });
    expect(collection).not.toHaveProperty('bbox');
  });

  it("gives a worker's tiles only their own micro-grids, even after an administrator's tiles of the same view, and 404 within another", async () => {
    expect(idsIn((await tile(TERRITORY_TILE, 'level=microgrid')).rawPayload).sort()).toEqual(['mg1', 'mg2']);
    const worker = await signIn(server.app, 'worker-a', 'worker', { kind: 'areas', areaIds: ['mg1'] });
    const own = await tile(TERRITORY_TILE, 'level=microgrid', worker.auth);
    expect(own.statusCode).toBe(200);
    expect(idsIn(own.rawPayload)).toEqual(['mg1']);
    expect(idsIn((await tile(TERRITORY_TILE, 'level=microgrid&within=g', worker.auth)).rawPayload)).toEqual(['mg1']);
    const other = await tile(TERRITORY_TILE, 'level=microgrid&within=mg2', worker.auth);
    expect(other.statusCode).toBe(404);
    expect(other.json()).toMatchObject({ code: 'AREA_NOT_FOUND' });
  });
});
