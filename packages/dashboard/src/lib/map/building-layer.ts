import type { GeoJSONSource, Map as MapLibreMap, MapLayerMouseEvent } from 'maplibre-gl';
import type { BuildingPointCollection } from '../geo/building-points.js';
import { NO_DATA_COLOUR } from '../measures/palette.js';
import { FeatureStateBatcher, type FeatureId } from './feature-state-batcher.js';

const SOURCE = 'buildings';
export const BUILDING_CIRCLES = 'buildings-circle';

export interface BuildingPointer {
  readonly id: FeatureId;
  readonly x: number;
  readonly y: number;
}

/**
 * A micro-grid's buildings drawn as circles over the areas, coloured the way
 * areas are: through feature state keyed by the promoted building id, batched
 * per animation frame, so new figures never re-send the points.
 */
export class BuildingLayer {
  private readonly colours: FeatureStateBatcher<string | null>;
  private hovered: FeatureId | null = null;

  constructor(
    private readonly map: MapLibreMap,
    stroke: string,
    private readonly onHover: (pointer: BuildingPointer | null) => void,
  ) {
    this.colours = new FeatureStateBatcher((changes) => {
      for (const [id, colour] of changes) this.map.setFeatureState({ source: SOURCE, id }, { colour });
    });
    map.addSource(SOURCE, { type: 'geojson', data: { type: 'FeatureCollection', features: [] }, promoteId: 'id' });
    map.addLayer({
      id: BUILDING_CIRCLES,
      type: 'circle',
      source: SOURCE,
      paint: {
        'circle-color': ['coalesce', ['feature-state', 'colour'], NO_DATA_COLOUR],
        'circle-radius': ['case', ['boolean', ['feature-state', 'hover'], false], 12, 9],
        'circle-stroke-color': stroke,
        'circle-stroke-width': 2,
      },
    });
    map.on('mousemove', BUILDING_CIRCLES, (event) => this.hover(event));
    map.on('mouseleave', BUILDING_CIRCLES, () => this.clearHover());
  }

  /** Replaces the points shown; an empty collection hides them. Colours start as "no data". */
  async show(points: BuildingPointCollection): Promise<void> {
    this.colours.clear();
    this.clearHover();
    this.map.removeFeatureState({ source: SOURCE });
    await this.map.getSource<GeoJSONSource>(SOURCE)?.setData(points);
  }

  /** Queues a colour change; null means "no data". */
  setColour(id: FeatureId, colour: string | null): void {
    this.colours.set(id, colour);
  }

  clear(): void {
    this.colours.clear();
  }

  private hover(event: MapLayerMouseEvent): void {
    const feature = event.features?.[0];
    const id = feature?.id === undefined ? null : String(feature.id);
    if (id !== this.hovered) {
      if (this.hovered !== null) this.map.setFeatureState({ source: SOURCE, id: this.hovered }, { hover: false });
      if (id !== null) this.map.setFeatureState({ source: SOURCE, id }, { hover: true });
      this.hovered = id;
    }
    this.onHover(id === null ? null : { id, x: event.point.x, y: event.point.y });
  }

  private clearHover(): void {
    if (this.hovered !== null) this.map.setFeatureState({ source: SOURCE, id: this.hovered }, { hover: false });
    this.hovered = null;
    this.onHover(null);
  }
}
