import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import type { MapFeature } from './map-features.js';

const SOURCE = 'areas-hover';
const LINE = 'areas-hover-outline';
const NOTHING = { type: 'FeatureCollection' as const, features: [] };

/**
 * The thick outline of the area under the pointer, drawn from a source that
 * holds that one area. The areas' own thin outlines come with their fill
 * layer; a line layer over all of them would make the worker build every
 * edge a second time, as line geometry, for every tile.
 */
export class HoverOutline {
  constructor(
    private readonly map: MapLibreMap,
    colour: string,
  ) {
    map.addSource(SOURCE, { type: 'geojson', data: NOTHING });
    map.addLayer({ id: LINE, type: 'line', source: SOURCE, paint: { 'line-color': colour, 'line-width': 2 } });
  }

  /** Outlines this area, or nothing for null. */
  show(feature: MapFeature | null): void {
    void this.map.getSource<GeoJSONSource>(SOURCE)?.setData(feature ? { type: 'FeatureCollection', features: [feature] } : NOTHING);
  }
}
