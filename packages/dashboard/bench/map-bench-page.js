/* global window, document, requestAnimationFrame, location */
// Runs inside Chromium: shows the bench's micro-grids with the dashboard's own
// AreaMap (bundled by Vite from src/, so the bench measures what the dashboard
// does), drawn from vector tiles the bench's server cuts with the server's own
// AreaTileSet; then times a burst of colour changes made the dashboard's way,
// through feature state, against the same burst made by replacing the data of
// a GeoJSON source that carries the colours.
import 'maplibre-gl/dist/maplibre-gl.css';
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

window.bench = {
  /** From creating the map until it is idle with every tile of the view drawn; the check that all were drawn is untimed. */
  async setup({ bbox }) {
    random = seededRandom(11);
    const startedAt = performance.now();
    areaMap = new AreaMap({ container: document.getElementById('map'), theme: LIGHT_THEME, padding: MONITOR_PADDING });
    await areaMap.showAreas({ tiles: `${location.origin}/tiles/{z}/{x}/{y}`, bbox });
    await idle(areaMap.map);
    const firstRenderMs = performance.now() - startedAt;
    const drawn = new Set(areaMap.map.queryRenderedFeatures({ layers: [FILL] }).map((feature) => feature.id));
    return { firstRenderMs, rendered: drawn.size, zoom: areaMap.map.getZoom() };
  },

  /**
   * The dashboard's path: setColour queues each change, and AreaMap's frame
   * batcher applies them all at the next animation frame. Both are timed: the
   * calls, and the batch, bracketed by a frame callback queued before the
   * changes and one queued after them (callbacks run in the order queued).
   */
  async featureState({ changes, polygons }) {
    const batch = pickChanges(changes, polygons, random);
    const bracketStart = nextFrame();
    const before = performance.now();
    for (const [id, colour] of batch) areaMap.setColour(id, colour);
    const callsMs = performance.now() - before;
    const bracketEnd = nextFrame();
    const [batchStartedAt, batchEndedAt] = await Promise.all([bracketStart, bracketEnd]);
    areaMap.map.triggerRepaint();
    await idle(areaMap.map);
    return { syncMs: callsMs + (batchEndedAt - batchStartedAt), renderedMs: performance.now() - before };
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
