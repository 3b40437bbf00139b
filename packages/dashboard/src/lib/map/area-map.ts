import './maplibre-worker.js';
import { Map as MapLibreMap, type GeoJSONSource, type MapLayerMouseEvent } from 'maplibre-gl';
import type { AreaCollection } from '../api/types.js';
import { boundsOf } from '../geo/bounds.js';
import type { BuildingPointCollection } from '../geo/building-points.js';
import { NO_DATA_COLOUR } from '../measures/palette.js';
import { blankStyle } from './blank-style.js';
import { BUILDING_CIRCLES, BuildingLayer, type BuildingPointer } from './building-layer.js';
import { FeatureStateBatcher, type FeatureId } from './feature-state-batcher.js';
import { HoverOutline } from './hover-outline.js';
import { mapFeaturesOf, type MapFeature } from './map-features.js';

const SOURCE = 'areas';
const FILL = 'areas-fill';
// Tiles overlap by this many pixels. MapLibre's 128 suits wide lines and labels; a fill and its
// one-pixel outline need next to none, and at 128 a tile holds about 2.25 times the polygons of its own square.
const TILE_BUFFER = 16;
// A constant, not one that reads feature state: the hovered area gets its thick outline instead,
// and each property that reads feature state is one more value per vertex for the worker to fill.
const FILL_OPACITY = 0.88;
// Under building points the area is only context; faded, so a red building reads apart from a red micro-grid.
const FILL_OPACITY_UNDER_BUILDINGS = 0.3;

export interface AreaMapTheme {
  readonly background: string;
  readonly outline: string;
  readonly hoverOutline: string;
}

export const LIGHT_THEME: AreaMapTheme = { background: '#f4f5f7', outline: '#ffffff', hoverOutline: '#1f2933' };
export const DARK_THEME: AreaMapTheme = { background: '#0b0f14', outline: '#0b0f14', hoverOutline: '#f5f7fa' };

export interface AreaPointer {
  readonly id: FeatureId;
  readonly x: number;
  readonly y: number;
}

export type MapPadding = { readonly top: number; readonly right: number; readonly bottom: number; readonly left: number };

export interface AreaMapOptions {
  readonly container: HTMLElement;
  readonly theme: AreaMapTheme;
  /** Room kept free of areas when framing them, for panels drawn over the map. */
  readonly padding?: MapPadding;
  readonly onHover?: (pointer: AreaPointer | null) => void;
  readonly onSelect?: (id: FeatureId) => void;
  readonly onBuildingHover?: (pointer: BuildingPointer | null) => void;
}

/**
 * MapLibre showing one level of areas. Geometry is loaded once per view;
 * colours change only through feature state, batched per animation frame, so
 * a live update never re-sends or re-tiles geometry.
 */
export class AreaMap {
  readonly map: MapLibreMap;
  private readonly colours: FeatureStateBatcher<string | null>;
  private hovered: FeatureId | null = null;
  private readonly ready: Promise<void>;
  private buildings: BuildingLayer | null = null;
  private hoverOutline: HoverOutline | null = null;
  private featureById: ReadonlyMap<FeatureId, MapFeature> = new Map();

  constructor(private readonly options: AreaMapOptions) {
    this.map = new MapLibreMap({
      container: options.container,
      style: blankStyle(options.theme.background),
      center: [119.3, 26.08],
      zoom: 10,
      attributionControl: false,
      dragRotate: false,
      pitchWithRotate: false,
    });
    this.colours = new FeatureStateBatcher((changes) => this.applyColours(changes));
    this.ready = new Promise((resolve) => this.map.once('load', () => resolve()));
    void this.ready.then(() => this.addLayers());
  }

  /** Replaces the areas shown (a new level or subtree) and frames them. */
  async showAreas(collection: AreaCollection): Promise<void> {
    await this.ready;
    this.colours.clear();
    this.hovered = null;
    this.map.removeFeatureState({ source: SOURCE });
    this.hoverOutline?.show(null);
    // Framed first, so the worker cuts tiles for the view that will be shown, not the one being left.
    const bounds = boundsOf(collection);
    if (bounds) this.map.fitBounds(bounds, { padding: this.options.padding ?? 24, animate: false });
    const features = mapFeaturesOf(collection);
    this.featureById = new Map(features.features.map((feature) => [feature.properties.id, feature]));
    await this.map.getSource<GeoJSONSource>(SOURCE)?.setData(features as Parameters<GeoJSONSource['setData']>[0]);
  }

  /** Queues colour changes; null means "no data". Applied at the next animation frame. */
  setColour(id: FeatureId, colour: string | null): void {
    this.colours.set(id, colour);
  }

  /** Replaces the building points drawn over the areas; an empty collection hides them. */
  async showBuildings(points: BuildingPointCollection): Promise<void> {
    await this.ready;
    // Made on first use: an empty source still has its tiles asked for and kept, at every first render.
    if (points.features.length > 0) this.buildings ??= new BuildingLayer(this.map, this.options.theme.outline, (pointer) => this.options.onBuildingHover?.(pointer));
    await this.buildings?.show(points);
    this.map.setPaintProperty(FILL, 'fill-opacity', points.features.length > 0 ? FILL_OPACITY_UNDER_BUILDINGS : FILL_OPACITY);
  }

  /** Queues a building's colour change; null means "no data". */
  setBuildingColour(id: FeatureId, colour: string | null): void {
    this.buildings?.setColour(id, colour);
  }

  destroy(): void {
    this.colours.clear();
    this.buildings?.clear();
    this.map.remove();
  }

  private addLayers(): void {
    const { theme } = this.options;
    this.map.addSource(SOURCE, { type: 'geojson', data: { type: 'FeatureCollection', features: [] }, promoteId: 'id', buffer: TILE_BUFFER });
    this.map.addLayer({
      id: FILL,
      type: 'fill',
      source: SOURCE,
      paint: {
        'fill-color': ['coalesce', ['feature-state', 'colour'], NO_DATA_COLOUR],
        'fill-opacity': FILL_OPACITY,
        // The fill's own one-pixel outline: no second bucket of lines for the worker to build.
        'fill-outline-color': theme.outline,
      },
    });
    this.hoverOutline = new HoverOutline(this.map, theme.hoverOutline, BUILDING_CIRCLES);
    this.map.on('mousemove', FILL, (event) => this.hover(event));
    this.map.on('mouseleave', FILL, () => this.clearHover());
    this.map.on('click', FILL, (event) => {
      const id = featureIdOf(event);
      if (id !== null) this.options.onSelect?.(id);
    });
  }

  private applyColours(changes: ReadonlyMap<FeatureId, string | null>): void {
    if (!this.map.getSource(SOURCE)) return;
    for (const [id, colour] of changes) this.map.setFeatureState({ source: SOURCE, id }, { colour });
  }

  private hover(event: MapLayerMouseEvent): void {
    const id = featureIdOf(event);
    if (id !== this.hovered) {
      this.hovered = id;
      this.hoverOutline?.show(id === null ? null : (this.featureById.get(id) ?? null));
    }
    this.map.getCanvas().style.cursor = id === null ? '' : 'pointer';
    this.options.onHover?.(id === null ? null : { id, x: event.point.x, y: event.point.y });
  }

  private clearHover(): void {
    this.hovered = null;
    this.hoverOutline?.show(null);
    this.map.getCanvas().style.cursor = '';
    this.options.onHover?.(null);
  }
}

function featureIdOf(event: MapLayerMouseEvent): FeatureId | null {
  const id = event.features?.[0]?.id;
  return id === undefined ? null : String(id);
}
