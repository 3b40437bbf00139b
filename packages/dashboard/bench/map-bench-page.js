/* global window, document, requestAnimationFrame, location */
// Runs inside Chromium: shows the bench's micro-grids with the dashboard's own
// AreaMap (bundled by Vite from src/, so the bench measures what the dashboard
// does), drawn from vector tiles the bench's server cuts with the server's own
// AreaTileSet; then times a burst of colour changes made the dashboard's way
// (AreaColouring recolouring the areas a delta names, through feature state),
// against the same burst found by comparing every area shown, as the dashboard
// did before, and made by replacing the data of a GeoJSON source that carries
// the colours.
import 'maplibre-gl/dist/maplibre-gl.css';
import { AreaColouring } from '../src/lib/map/area-colouring.ts';
import { AreaMap, LIGHT_THEME } from '../src/lib/map/area-map.ts';
import { NO_DATA_COLOUR } from '../src/lib/measures/palette.ts';
import { seededRandom } from './synthetic-city.mjs';

const COLOURS = ['#d7301f', '#fc8d59', '#fdd94a', '#1a9850'];
// The monitoring page's room for its toolbar and side panel (routes/+page.svelte).
const MONITOR_PADDING = { top: 88, right: 320, bottom: 24, left: 24 };
// The fill layer, as named in area-map.ts.
const FILL = 'areas-fill';
const BASELINE = 'baseline';

function idle(map) {
  return new Promise((resolve) => map.once('idle', resolve));
}

function nextFrame() {
  return new Promise((resolve) => requestAnimationFrame(() => resolve(performance.now())));
}

function pickChanges(count, total, random) {
  const changes = new Map();
  while (changes.size < count) {
    changes.set(`mg-${Math.floor(random() * total)}`, COLOURS[Math.floor(random() * COLOURS.length)]);
  }
  return changes;
}

/** The bench's steps, driven one by one from Node. */
let areaMap;
let random;
let baselineData;
let pendingData;
/** Each area's colour as its counts would give it: what AreaColouring asks, as the monitor asks its measure. */
const colourOfArea = new Map();
let colouring;

/**
 * A burst of colour changes: the new colours set where the counts would change
 * (untimed; not when `asCounts` is false, for a burst that bypasses
 * AreaColouring), then `recolour` timed with the frame batch that applies it,
 * bracketed by a frame callback queued before and one queued after (callbacks
 * run in the order queued).
 */
async function timedRecolour(batch, recolour, asCounts = true) {
  if (asCounts) for (const [id, colour] of batch) colourOfArea.set(id, colour);
  const bracketStart = nextFrame();
  const before = performance.now();
  recolour();
  const callsMs = performance.now() - before;
  const bracketEnd = nextFrame();
  const [batchStartedAt, batchEndedAt] = await Promise.all([bracketStart, bracketEnd]);
  areaMap.map.triggerRepaint();
  await idle(areaMap.map);
  return { syncMs: callsMs + (batchEndedAt - batchStartedAt), renderedMs: performance.now() - before };
}

window.bench = {
  /** From creating the map until it is idle with every tile of the view drawn; the check that all were drawn is untimed. */
  async setup({ bbox, polygons }) {
    random = seededRandom(11);
    const startedAt = performance.now();
    areaMap = new AreaMap({ container: document.getElementById('map'), theme: LIGHT_THEME, padding: MONITOR_PADDING });
    await areaMap.showAreas({ tiles: `${location.origin}/tiles/{z}/{x}/{y}`, bbox });
    await idle(areaMap.map);
    const firstRenderMs = performance.now() - startedAt;
    const drawn = new Set(areaMap.map.queryRenderedFeatures({ layers: [FILL] }).map((feature) => feature.id));
    // The view's first colours, as the dashboard sends them once the view is shown; untimed.
    colouring = new AreaColouring((id) => colourOfArea.get(id) ?? null);
    colouring.show(areaMap, Array.from({ length: polygons }, (_, i) => `mg-${i}`));
    await nextFrame();
    await idle(areaMap.map);
    return { firstRenderMs, rendered: drawn.size, zoom: areaMap.map.getZoom() };
  },

  /**
   * The dashboard's path: a delta names the areas whose counts changed, and
   * AreaColouring works out only theirs and sends them to AreaMap.setColour,
   * whose frame batcher applies them all at the next animation frame.
   */
  async featureState({ changes, polygons }) {
    const batch = pickChanges(changes, polygons, random);
    return timedRecolour(batch, () => colouring.recolour(batch.keys()));
  },

  /** The map's part alone: the same burst handed straight to AreaMap.setColour, colours already known (what applyMs timed before AreaColouring). */
  async setColour({ changes, polygons }) {
    const batch = pickChanges(changes, polygons, random);
    // Not recorded as counts: AreaColouring did not send these, and a later burst of its own must not find them changed.
    return timedRecolour(
      batch,
      () => {
        for (const [id, colour] of batch) areaMap.setColour(id, colour);
      },
      false,
    );
  },

  /** The baseline of the same run: the same burst found by comparing every area shown, as the dashboard did before. */
  async recolourAll({ changes, polygons }) {
    const batch = pickChanges(changes, polygons, random);
    return timedRecolour(batch, () => colouring.recolour('all'));
  },

  /**
   * The baseline, set up untimed: the same areas in a GeoJSON source whose
   * features carry their colour, drawn in place of the tiles; then the
   * replacement data with a burst of changes baked in.
   */
  async prepareData({ changes, polygons }) {
    const { map } = areaMap;
    let geojsonLoadMs = null;
    if (!map.getSource(BASELINE)) {
      baselineData = await (await fetch('/areas.geojson')).json();
      const before = performance.now();
      map.setLayoutProperty(FILL, 'visibility', 'none');
      map.addSource(BASELINE, { type: 'geojson', data: baselineData, promoteId: 'id' });
      map.addLayer({ id: BASELINE, type: 'fill', source: BASELINE, paint: { 'fill-color': ['coalesce', ['get', 'colour'], NO_DATA_COLOUR], 'fill-opacity': 0.88, 'fill-outline-color': LIGHT_THEME.outline } });
      await idle(map);
      // The same areas drawn the way the dashboard drew them before tiles, on the same map: a same-run comparison.
      geojsonLoadMs = performance.now() - before;
    }
    const colours = pickChanges(changes, polygons, random);
    pendingData = {
      type: 'FeatureCollection',
      features: baselineData.features.map((feature) => ({
        type: 'Feature',
        geometry: feature.geometry,
        properties: { id: feature.properties.id, colour: colours.get(feature.properties.id) ?? NO_DATA_COLOUR },
      })),
    };
    return { geojsonLoadMs };
  },

  async setData() {
    const { map } = areaMap;
    const before = performance.now();
    const done = map.getSource(BASELINE).setData(pendingData);
    const syncMs = performance.now() - before;
    await done;
    await idle(map);
    return { syncMs, renderedMs: performance.now() - before };
  },
};
