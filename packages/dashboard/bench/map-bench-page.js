/* global window, document, requestAnimationFrame */
// Runs inside Chromium: builds a synthetic city of micro-grids shaped as the
// server's GET /api/v1/areas.geojson answers, shows it with the dashboard's own
// AreaMap (bundled by Vite from src/, so the bench measures what the dashboard
// does), then times a burst of colour changes made the dashboard's way, through
// feature state, against the same burst made by replacing the source's data.
import 'maplibre-gl/dist/maplibre-gl.css';
import { AreaMap, LIGHT_THEME } from '../src/lib/map/area-map.ts';
import { NO_DATA_COLOUR } from '../src/lib/measures/palette.ts';

const COLOURS = ['#d7301f', '#fc8d59', '#fdd94a', '#1a9850'];
// The monitoring page's room for its toolbar and side panel (routes/+page.svelte).
const MONITOR_PADDING = { top: 88, right: 320, bottom: 24, left: 24 };
// The areas' source and fill layer, as named in area-map.ts.
const SOURCE = 'areas';
const FILL = 'areas-fill';

/** A small deterministic generator, so every run changes the same features. */
function seededRandom(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// The server rounds coordinates to 1e-8 degrees (ADR 0040).
const round = (value) => Math.round(value * 1e8) / 1e8;

/**
 * Micro-grids as the server sends them: a honeycomb of slightly jittered
 * hexagons around Fuzhou (6 corners; the synthetic city's Voronoi micro-grids
 * have 4.9 on average, up to 9), neighbours sharing their corners, coordinates
 * rounded as the server rounds them, and the same properties (id, parentId,
 * ancestry, level, name), names repeating from grid to grid as they do there.
 */
function syntheticAreas(count, random) {
  const columns = Math.ceil(Math.sqrt(count * 1.25));
  const size = 0.0014;
  const dx = Math.sqrt(3) * size;
  const dy = 1.5 * size;
  const west = 119.3 - (columns * dx) / 2;
  const north = 26.08 + (Math.ceil(count / columns) * dy) / 2;
  const corners = new Map();
  // Shared corners are jittered once, so neighbours still tile without gaps.
  const corner = (x, y) => {
    const key = `${Math.round(x / size * 4)},${Math.round(y / size * 4)}`;
    let position = corners.get(key);
    if (!position) {
      position = [round(x + (random() - 0.5) * size * 0.2), round(y + (random() - 0.5) * size * 0.2)];
      corners.set(key, position);
    }
    return position;
  };
  const features = [];
  for (let index = 0; index < count; index++) {
    const row = Math.floor(index / columns);
    const cx = west + (index % columns) * dx + (row % 2) * (dx / 2);
    const cy = north - row * dy;
    const ring = [];
    for (let k = 0; k < 6; k++) {
      const angle = ((60 * k - 30) * Math.PI) / 180;
      ring.push(corner(cx + size * Math.cos(angle), cy + size * Math.sin(angle)));
    }
    ring.push(ring[0]);
    const grid = Math.floor(index / 5);
    const id = `mg-${index}`;
    features.push({
      type: 'Feature',
      id,
      geometry: { type: 'Polygon', coordinates: [ring] },
      properties: { id, parentId: `grid-${grid}`, ancestry: [{ id: `grid-${grid}`, name: `第${(grid % 40) + 1}网格` }, { id: `community-${grid >> 3}`, name: `社区${(grid >> 3) + 1}` }], level: 'microgrid', name: `${(grid % 40) + 1}-${(index % 5) + 1}微网格` },
    });
  }
  return { type: 'FeatureCollection', features };
}

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

/** The bench's steps, driven one by one from Node so it can read main-thread metrics between them. */
let areaMap;
let data;
let random;
let pendingData;

window.bench = {
  async setup({ polygons }) {
    random = seededRandom(7);
    data = syntheticAreas(polygons, random);
    const startedAt = performance.now();
    areaMap = new AreaMap({ container: document.getElementById('map'), theme: LIGHT_THEME, padding: MONITOR_PADDING });
    await areaMap.showAreas(data);
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

  /** Builds the replacement data outside the timed step, so only MapLibre's work is measured. */
  prepareData({ changes, polygons }) {
    const { map } = areaMap;
    map.removeFeatureState({ source: SOURCE });
    // The baseline carries colours in the data, so its fill must read them from there.
    map.setPaintProperty(FILL, 'fill-color', ['coalesce', ['feature-state', 'colour'], ['get', 'colour'], NO_DATA_COLOUR]);
    const colours = new Map(pickChanges(changes, polygons, random));
    pendingData = {
      type: 'FeatureCollection',
      features: data.features.map((feature) => ({
        type: 'Feature',
        geometry: feature.geometry,
        properties: { id: feature.properties.id, colour: colours.get(feature.properties.id) ?? NO_DATA_COLOUR },
      })),
    };
  },

  async setData() {
    const map = areaMap.map;
    const before = performance.now();
    const done = map.getSource(SOURCE).setData(pendingData);
    const syncMs = performance.now() - before;
    await done;
    await idle(map);
    return { syncMs, renderedMs: performance.now() - before };
  },
};
