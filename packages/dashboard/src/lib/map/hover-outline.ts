import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import type { AreaGeometry } from '../api/types.js';

const SOURCE = 'areas-hover';
const LINE = 'areas-hover-outline';
const NOTHING = { type: 'FeatureCollection' as const, features: [] };

/**
 * The thick outline of the area under the pointer, drawn from a source that
 * holds that one area's whole outline (a tile holds only the part of an area
 * within it, so the tiles' own piece would show the cut). The areas' thin
 * outlines come with their fill layer; a line layer over all of them would
 * make the worker build every edge a second time, as line geometry, for
 * every tile. The source is made at the first hover: an empty source still
 * has its tiles asked for at every first render.
 */
export class HoverOutline {
  private added = false;

  constructor(
    private readonly map: MapLibreMap,
    private readonly colour: string,
    /** The layer the outline goes beneath when it exists (building points stay on top). */
    private readonly beneath: string,
  ) {}

  /** Outlines this geometry, or nothing for null. */
  show(geometry: AreaGeometry | null): void {
    if (!geometry && !this.added) return;
    if (!this.added) {
      this.map.addSource(SOURCE, { type: 'geojson', data: NOTHING });
      const line = { id: LINE, type: 'line' as const, source: SOURCE, paint: { 'line-color': this.colour, 'line-width': 2 } };
      this.map.addLayer(line, this.map.getLayer(this.beneath) ? this.beneath : undefined);
      this.added = true;
    }
    const data = geometry ? { type: 'FeatureCollection', features: [{ type: 'Feature', geometry, properties: {} }] } : NOTHING;
    void this.map.getSource<GeoJSONSource>(SOURCE)?.setData(data as Parameters<GeoJSONSource['setData']>[0]);
  }
}
