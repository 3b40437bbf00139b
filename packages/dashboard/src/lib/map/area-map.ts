import './maplibre-worker.js';
import { AREA_TILE_LAYER, AREA_TILE_MAX_ZOOM } from '@gridsweep/contract';
import {
  Map as MapLibreMap,
  type MapLayerMouseEvent,
  type MapSourceDataEvent,
  type RequestParameters,
  type StyleSpecification,
  type VectorTileSource,
} from 'maplibre-gl';
import type { AreaGeometry } from '../api/types.js';
import type { Bounds } from '../geo/bounds.js';
import type { BuildingPointCollection } from '../geo/building-points.js';
import { NO_DATA_COLOUR } from '../measures/palette.js';
import { blankStyle } from './blank-style.js';
import { BUILDING_CIRCLES, BuildingLayer, type BuildingPointer } from './building-layer.js';
import { FeatureStateBatcher, type FeatureId } from './feature-state-batcher.js';
import { HoverOutline } from './hover-outline.js';

const SOURCE = 'areas';
/** The layer inside the server's tiles that holds the areas. */
const SOURCE_LAYER = AREA_TILE_LAYER;
const FILL = 'areas-fill';
// The server cuts tiles to this zoom; MapLibre over-zooms them beyond.
const TILES_MAX_ZOOM = AREA_TILE_MAX_ZOOM;
// A constant, not one that reads feature state: the hovered area gets its thick outline instead,
// and each property that reads feature state is one more value per vertex for the worker to fill.
const FILL_OPACITY = 0.88;
// Over a basemap the areas let its streets and rivers show through.
const FILL_OPACITY_OVER_BASEMAP = 0.6;
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

/** One view's areas as the map draws them: the server's vector tiles of their outlines, and where they lie. */
export interface AreaTiles {
  /** The tiles' address, a template with {z}, {x} and {y}; absolute, as MapLibre's worker fetches it. */
  readonly tiles: string;
  /** Where the areas lie, to frame them; null when none has a geometry. */
  readonly bbox: Bounds | null;
}

export interface AreaMapOptions {
  readonly container: HTMLElement;
  readonly theme: AreaMapTheme;
  /** Room kept free of areas when framing them, for panels drawn over the map. */
  readonly padding?: MapPadding;
  readonly onHover?: (pointer: AreaPointer | null) => void;
  readonly onSelect?: (id: FeatureId) => void;
  readonly onBuildingHover?: (pointer: BuildingPointer | null) => void;
  /** Headers for the tile requests (the credential); asked at every request, so a new sign-in is used at once. */
  readonly tileHeaders?: () => Record<string, string>;
  /** An area's whole outline, for the hovered area's thick line (a tile holds only the part within it). */
  readonly outlineOf?: (id: FeatureId) => Promise<AreaGeometry | null>;
  /** An offline basemap to draw the areas over (BASEMAP_DIR); without it, the theme's plain background. */
  readonly basemap?: StyleSpecification | null;
}

/**
 * MapLibre showing one level of areas, from vector tiles the server cuts:
 * the browser fetches only the tiles in sight and never tiles geometry
 * itself (ADR 0043). Colours change only through feature state, batched per
 * animation frame, so a live update never re-sends or re-tiles geometry.
 */
/**
 * A tile refused with 401 or 403 means the credential ended (revoked, expired):
 * the page's session watcher already sends the user to sign in, so the map
 * says nothing of it. Any other map error is logged as MapLibre would.
 */
function reportMapError(error: unknown): void {
  const status = (error as { status?: unknown } | null)?.status;
  if (status === 401 || status === 403) return;
  console.error(error);
}

export class AreaMap {
  readonly map: MapLibreMap;
  private readonly colours: FeatureStateBatcher<string | null>;
  private hovered: FeatureId | null = null;
  private readonly ready: Promise<void>;
  private buildings: BuildingLayer | null = null;
  private hoverOutline: HoverOutline | null = null;
  private tilesUrl: string | null = null;
  private readonly areaOpacity: number;
  private fillOpacity: number;
  /** Set from a new view's first tile request until all its tiles are in, the areas undrawn meanwhile; stops the wait. */
  private stopWaiting: (() => void) | null = null;

  constructor(private readonly options: AreaMapOptions) {
    this.areaOpacity = options.basemap ? FILL_OPACITY_OVER_BASEMAP : FILL_OPACITY;
    this.fillOpacity = this.areaOpacity;
    this.map = new MapLibreMap({
      container: options.container,
      style: options.basemap ?? blankStyle(options.theme.background),
      center: [119.3, 26.08],
      zoom: 10,
      attributionControl: false,
      dragRotate: false,
      pitchWithRotate: false,
      transformRequest: (url, resourceType) => this.authorize(url, resourceType),
    });
    this.colours = new FeatureStateBatcher((changes) => this.applyColours(changes));
    this.map.on('error', (event) => reportMapError(event.error));
    this.ready = new Promise((resolve) => this.map.once('load', () => resolve()));
    void this.ready.then(() => this.addLayers());
  }

  /** Replaces the areas shown (a new level or subtree) and frames them. */
  async showAreas(view: AreaTiles): Promise<void> {
    await this.ready;
    this.colours.clear();
    this.hovered = null;
    this.hoverOutline?.show(null);
    // Framed first, so the tiles asked for are those of the view that will be shown, not of the one being left.
    if (view.bbox) this.map.fitBounds(view.bbox, { padding: this.options.padding ?? 24, animate: false });
    this.tilesUrl = view.tiles;
    this.drawWhenLoaded();
    const source = this.map.getSource<VectorTileSource>(SOURCE);
    if (source) {
      this.map.removeFeatureState({ source: SOURCE, sourceLayer: SOURCE_LAYER });
      source.setTiles([view.tiles]);
    } else {
      this.map.addSource(SOURCE, { type: 'vector', tiles: [view.tiles], maxzoom: TILES_MAX_ZOOM, promoteId: 'id' });
      this.map.addLayer(this.fillLayer(), this.map.getLayer(BUILDING_CIRCLES) ? BUILDING_CIRCLES : undefined);
    }
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
    this.fillOpacity = points.features.length > 0 ? FILL_OPACITY_UNDER_BUILDINGS : this.areaOpacity;
    if (this.map.getLayer(FILL) && !this.stopWaiting) this.map.setPaintProperty(FILL, 'fill-opacity', this.fillOpacity);
  }

  /** Queues a building's colour change; null means "no data". */
  setBuildingColour(id: FeatureId, colour: string | null): void {
    this.buildings?.setColour(id, colour);
  }

  destroy(): void {
    this.stopWaiting?.();
    this.colours.clear();
    this.buildings?.clear();
    this.map.remove();
  }

  /**
   * Leaves the areas undrawn until every tile of the new view is in, then draws them at once.
   * MapLibre draws a frame of everything loaded so far at each tile that arrives; where WebGL is
   * rendered in software (a headless wall browser, a machine without a GPU) each such frame costs
   * a large part of a second, and they were most of the first render (ADR 0043). MapLibre skips a
   * fill whose opacity is 0 altogether, and a paint change re-cuts no tile.
   */
  private drawWhenLoaded(): void {
    this.stopWaiting?.();
    if (this.map.getLayer(FILL)) this.map.setPaintProperty(FILL, 'fill-opacity', 0);
    const draw = (): void => {
      if (!this.map.isSourceLoaded(SOURCE)) return;
      stop();
      this.map.setPaintProperty(FILL, 'fill-opacity', this.fillOpacity);
    };
    const onTile = (event: MapSourceDataEvent): void => {
      if (event.sourceId === SOURCE && event.tile !== undefined) draw();
    };
    // 'idle' as well: a tile that failed counts as done, but no tile event follows it.
    const stop = (): void => {
      this.map.off('sourcedata', onTile);
      this.map.off('idle', draw);
      this.stopWaiting = null;
    };
    this.map.on('sourcedata', onTile);
    this.map.on('idle', draw);
    this.stopWaiting = stop;
  }

  // The source and its layer are added with the first view: a source without tiles would still be asked for them.
  private fillLayer() {
    return {
      id: FILL,
      type: 'fill' as const,
      source: SOURCE,
      'source-layer': SOURCE_LAYER,
      paint: {
        'fill-color': ['coalesce', ['feature-state', 'colour'], NO_DATA_COLOUR] as ['coalesce', ['feature-state', string], string],
        // Undrawn until the first view's tiles are all in (drawWhenLoaded), then drawn at once,
        // not faded in over MapLibre's default 300 ms.
        'fill-opacity': 0,
        'fill-opacity-transition': { duration: 0, delay: 0 },
        // The fill's own one-pixel outline: no second bucket of lines for the worker to build.
        'fill-outline-color': this.options.theme.outline,
      },
    };
  }

  private addLayers(): void {
    this.hoverOutline = new HoverOutline(this.map, this.options.theme.hoverOutline, BUILDING_CIRCLES);
    this.map.on('mousemove', FILL, (event) => this.hover(event));
    this.map.on('mouseleave', FILL, () => this.clearHover());
    this.map.on('click', FILL, (event) => {
      const id = featureIdOf(event);
      if (id !== null) this.options.onSelect?.(id);
    });
  }

  private applyColours(changes: ReadonlyMap<FeatureId, string | null>): void {
    if (!this.map.getSource(SOURCE)) return;
    for (const [id, colour] of changes) this.map.setFeatureState({ source: SOURCE, sourceLayer: SOURCE_LAYER, id }, { colour });
  }

  private hover(event: MapLayerMouseEvent): void {
    const id = featureIdOf(event);
    if (id !== this.hovered) {
      this.hovered = id;
      void this.outline(id);
    }
    this.map.getCanvas().style.cursor = id === null ? '' : 'pointer';
    this.options.onHover?.(id === null ? null : { id, x: event.point.x, y: event.point.y });
  }

  /** Outlines the hovered area once its whole outline is known, unless the pointer has moved on by then. */
  private async outline(id: FeatureId | null): Promise<void> {
    if (id === null || !this.options.outlineOf) {
      this.hoverOutline?.show(null);
      return;
    }
    const geometry = await this.options.outlineOf(id).catch(() => null);
    if (this.hovered === id) this.hoverOutline?.show(geometry);
  }

  /** The credential goes with the areas' tile requests only, not to any other address a style might name. */
  private authorize(url: string, resourceType?: string): RequestParameters {
    const prefix = this.tilesUrl?.slice(0, this.tilesUrl.indexOf('{'));
    if (resourceType !== 'Tile' || !prefix || !url.startsWith(prefix) || !this.options.tileHeaders) return { url };
    return { url, headers: this.options.tileHeaders() };
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
