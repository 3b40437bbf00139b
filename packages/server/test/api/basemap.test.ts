import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, readConfig } from '../../src/config.js';
import { DIALECTS } from '../support/dialects.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

const DIALECT = DIALECTS[0]!;
const STYLE = { version: 8, sources: { land: { type: 'raster', url: 'pmtiles://city.pmtiles' } }, layers: [{ id: 'land', type: 'raster', source: 'land' }] };
// Bytes 0..999, as a PMTiles archive is read: a range at a time.
const ARCHIVE = Buffer.from(Array.from({ length: 1000 }, (_, i) => i % 256));

describe('the basemap folder (BASEMAP_DIR)', () => {
  let basemapDir: string;
  let server: TestServer | undefined;

  beforeAll(() => {
    basemapDir = mkdtempSync(join(tmpdir(), 'gridsweep-basemap-'));
    writeFileSync(join(basemapDir, 'style.json'), JSON.stringify(STYLE));
    writeFileSync(join(basemapDir, 'city.pmtiles'), ARCHIVE);
  });

  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  afterAll(() => rmSync(basemapDir, { recursive: true, force: true }));

  it('is read from BASEMAP_DIR as an absolute path, and is unset by default', () => {
    expect(readConfig({}).basemapDir).toBeNull();
    expect(readConfig({ BASEMAP_DIR: '' }).basemapDir).toBeNull();
    expect(readConfig({ BASEMAP_DIR: '/srv/maps' }).basemapDir).toBe('/srv/maps');
  });

  it('serves its style at /basemap/style.json without a credential: it is map data, not the city', async () => {
    server = await startTestServer(DIALECT, { basemapDir });
    const answer = await server.app.inject({ method: 'GET', url: '/basemap/style.json' });
    expect(answer.statusCode).toBe(200);
    expect(answer.json()).toEqual(STYLE);
  });

  it('answers a byte range of an archive with exactly those bytes (206), as PMTiles reads it', async () => {
    server = await startTestServer(DIALECT, { basemapDir });
    const answer = await server.app.inject({ method: 'GET', url: '/basemap/city.pmtiles', headers: { range: 'bytes=100-199' } });
    expect(answer.statusCode).toBe(206);
    expect(answer.headers['content-range']).toBe('bytes 100-199/1000');
    expect(answer.rawPayload.equals(ARCHIVE.subarray(100, 200))).toBe(true);
  });

  it('answers 404, not the dashboard page, for a file it does not hold', async () => {
    server = await startTestServer(DIALECT, { basemapDir });
    const missing = await server.app.inject({ method: 'GET', url: '/basemap/missing.pmtiles' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ code: 'ROUTE_NOT_FOUND' });
    expect((await server.app.inject({ method: 'GET', url: '/basemap/../package.json' })).statusCode).toBe(404);
  });

  it('answers the style with 204 (no basemap, no console error) and any other basemap path with 404 when none is configured', async () => {
    server = await startTestServer(DIALECT);
    const none = await server.app.inject({ method: 'GET', url: '/basemap/style.json' });
    expect(none.statusCode).toBe(204);
    expect(none.body).toBe('');
    expect((await server.app.inject({ method: 'GET', url: '/basemap/city.pmtiles' })).statusCode).toBe(404);
  });

  it.each([
    ['a folder that does not exist', () => join(basemapDir, 'nowhere'), 'there is no such folder'],
    ['a folder without style.json', () => mkdtempSync(join(tmpdir(), 'gridsweep-basemap-empty-')), 'it has no style.json'],
    ['a style that is not JSON', () => folderWith('{ version: 8'), 'style.json is not JSON'],
    ['a style of another version', () => folderWith(JSON.stringify({ ...STYLE, version: 7 })), 'style.json must have "version": 8'],
    ['a style without layers', () => folderWith(JSON.stringify({ version: 8, sources: {} })), 'style.json must have a "layers" list'],
  ])('refuses to start on %s, naming BASEMAP_DIR and what is wrong', async (_, folder, reason) => {
    const start = startTestServer(DIALECT, { basemapDir: folder() });
    await expect(start).rejects.toThrow(ConfigError);
    await expect(start).rejects.toThrow(`BASEMAP_DIR must be a folder holding a MapLibre style as style.json: ${reason}`);
  });
});

function folderWith(style: string): string {
  const folder = mkdtempSync(join(tmpdir(), 'gridsweep-basemap-bad-'));
  writeFileSync(join(folder, 'style.json'), style);
  return folder;
}
