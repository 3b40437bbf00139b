import { AREA_TILE_LAYER, AREA_TILE_MAX_ZOOM } from '@gridsweep/contract';
import type { AreaGeometry } from '@gridsweep/core';
import { GeoJSONVT as UntypedGeoJSONVT } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';

// geojson-vt's typings import their own files without extensions, which NodeNext cannot follow, so they read as `any`; this is the part used.
interface TileIndex {
  getTile(z: number, x: number, y: number): object | null;
}
const GeoJSONVT = UntypedGeoJSONVT as unknown as new (
  data: GeoJSON.FeatureCollection,
  options: { maxZoom: number; extent: number; buffer: number; tolerance: number },
) => TileIndex;

// The layer the areas are in ("source-layer" to MapLibre) and the deepest zoom cut (MapLibre over-zooms beyond
// it; a micro-grid is still exact to a pixel at 17) are the contract's: clients read the tiles by them.
export { AREA_TILE_LAYER, AREA_TILE_MAX_ZOOM };

// MapLibre draws vector tiles 512 px wide; a tile's coordinates run 0..4096.
const TILE_PIXELS = 512;
const EXTENT = 4096;
const UNITS_PER_PIXEL = EXTENT / TILE_PIXELS;
// Tiles overlap by this many pixels: a fill and its one-pixel outline need next to none.
const BUFFER_PIXELS = 16;
// A vertex less than a pixel off the line of its neighbours is dropped. At the city's zoom a
// micro-grid is a few pixels wide, and its corners are most of what the browser's worker and
// a software renderer spend their time on (ADR 0043).
const TOLERANCE_PIXELS = 1;
// Encoded tiles kept per set; a wall and the pages drilling around ask for the same few again and again.
const ENCODED_TILES_KEPT = 1024;

export interface TiledArea {
  readonly id: string;
  readonly geometry?: AreaGeometry | null;
}

/**
 * The vector tiles of one view of the map (one level, within one area, as
 * one scope sees it): each area's outline and its id, nothing else, so the
 * browser's feature state can colour it. Cut from an index built once;
 * each tile is encoded on first request and kept.
 */
export class AreaTileSet {
  readonly areaCount: number;
  private readonly index: TileIndex;
  private readonly encoded = new Map<string, Uint8Array>();

  constructor(areas: Iterable<TiledArea>) {
    const features: GeoJSON.Feature[] = [];
    for (const area of areas) {
      // The index only reads the coordinates; core's geometry types are readonly, GeoJSON's are not.
      if (area.geometry) features.push({ type: 'Feature', geometry: area.geometry as unknown as GeoJSON.Geometry, properties: { id: area.id } });
    }
    this.areaCount = features.length;
    this.index = new GeoJSONVT(
      { type: 'FeatureCollection', features },
      { maxZoom: AREA_TILE_MAX_ZOOM, extent: EXTENT, buffer: BUFFER_PIXELS * UNITS_PER_PIXEL, tolerance: TOLERANCE_PIXELS * UNITS_PER_PIXEL },
    );
  }

  /** The tile's Mapbox Vector Tile bytes; empty (no layers) where no area reaches. */
  tile(z: number, x: number, y: number): Uint8Array {
    const key = `${z}/${x}/${y}`;
    let bytes = this.encoded.get(key);
    if (!bytes) {
      const tile = this.index.getTile(z, x, y);
      bytes = tile ? fromGeojsonVt({ [AREA_TILE_LAYER]: tile }, { version: 2, extent: EXTENT }) : new Uint8Array(0);
      if (this.encoded.size >= ENCODED_TILES_KEPT) this.encoded.delete(this.encoded.keys().next().value!);
      this.encoded.set(key, bytes);
    }
    return bytes;
  }
}
