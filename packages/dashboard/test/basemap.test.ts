import type { StyleSpecification } from 'maplibre-gl';
import { describe, expect, it } from 'vitest';
import { resolveStyleUrls } from '../src/lib/map/basemap.js';

const STYLE_URL = 'http://wall.local:3000/basemap/style.json';

describe('resolveStyleUrls', () => {
  const style: StyleSpecification = {
    version: 8,
    glyphs: 'fonts/{fontstack}/{range}.pbf',
    sprite: 'sprites/basemap',
    sources: {
      archive: { type: 'vector', url: 'pmtiles://fuzhou.pmtiles' },
      folder: { type: 'raster', tiles: ['tiles/{z}/{x}/{y}.png'], tileSize: 256 },
      intranet: { type: 'raster', tiles: ['http://tiles.intranet/{z}/{x}/{y}.png'] },
      rivers: { type: 'geojson', data: 'rivers.geojson' },
      remoteArchive: { type: 'vector', url: 'pmtiles://http://maps.intranet/city.pmtiles' },
    },
    layers: [{ id: 'bg', type: 'background' }],
  };

  it("resolves the basemap folder's relative addresses against the style's own, keeping MapLibre's placeholders", () => {
    const resolved = resolveStyleUrls(style, STYLE_URL);
    expect(resolved.glyphs).toBe('http://wall.local:3000/basemap/fonts/{fontstack}/{range}.pbf');
    expect(resolved.sprite).toBe('http://wall.local:3000/basemap/sprites/basemap');
    expect(resolved.sources['archive']).toEqual({ type: 'vector', url: 'pmtiles://http://wall.local:3000/basemap/fuzhou.pmtiles' });
    expect(resolved.sources['folder']).toMatchObject({ tiles: ['http://wall.local:3000/basemap/tiles/{z}/{x}/{y}.png'], tileSize: 256 });
    expect(resolved.sources['rivers']).toEqual({ type: 'geojson', data: 'http://wall.local:3000/basemap/rivers.geojson' });
  });

  it('leaves absolute addresses, PMTiles ones included, as they are, and the layers untouched', () => {
    const resolved = resolveStyleUrls(style, STYLE_URL);
    expect(resolved.sources['intranet']).toEqual(style.sources['intranet']);
    expect(resolved.sources['remoteArchive']).toEqual(style.sources['remoteArchive']);
    expect(resolved.layers).toBe(style.layers);
  });

  it('resolves each sprite of a list by its own address', () => {
    const resolved = resolveStyleUrls({ ...style, sprite: [{ id: 'roads', url: 'sprites/roads' }] }, STYLE_URL);
    expect(resolved.sprite).toEqual([{ id: 'roads', url: 'http://wall.local:3000/basemap/sprites/roads' }]);
  });
});
