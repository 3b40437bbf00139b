/* global window, document */
// Runs inside Chromium: builds a synthetic city of micro-grids, then times a
// burst of colour changes made through feature state against the same burst
// made by replacing the source's data.
import { Map as MapLibreMap, setWorkerUrl } from '/maplibre/maplibre-gl.mjs';

setWorkerUrl('/maplibre/maplibre-gl-worker.mjs');

const COLOURS = ['#d7301f', '#fc8d59', '#fdd94a', '#1a9850'];
const GREY = '#b8bcc2';

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

/** Micro-grid-like cells: a jittered octagon in each square of a grid around Fuzhou. */
function syntheticAreas(count, random) {
  const columns = Math.ceil(Math.sqrt(count * 1.25));
  const cell = 0.0025;
  const west = 119.3 - (columns * cell) / 2;
  const north = 26.08 + (Math.ceil(count / columns) * cell) / 2;
  const features = [];
  for (let index = 0; index < count; index++) {
    const cx = west + (index % columns) * cell + cell / 2;
    const cy = north - Math.floor(index / columns) * cell - cell / 2;
    const ring = [];
    for (let corner = 0; corner < 8; corner++) {
      const angle = (corner / 8) * 2 * Math.PI;
      const radius = (cell / 2) * (0.8 + 0.15 * random());
      ring.push([cx + radius * Math.cos(angle), cy + radius * Math.sin(angle)]);
    }
    ring.push(ring[0]);
    features.push({ type: 'Feature', geometry: { type: 'Polygon', coordinates: [ring] }, properties: { id: `mg-${index}` } });
  }
  return { type: 'FeatureCollection', features };
}

function idle(map) {
  return new Promise((resolve) => map.once('idle', resolve));
}

function pickChanges(count, total, random) {
  const changes = new Map();
  while (changes.size < count) {
    changes.set(`mg-${Math.floor(random() * total)}`, COLOURS[Math.floor(random() * COLOURS.length)]);
  }
  return changes;
}

/** The bench's steps, driven one by one from Node so it can read main-thread metrics between them. */
let map;
let data;
let random;
let pendingData;

window.bench = {
  async setup({ polygons }) {
    random = seededRandom(7);
    data = syntheticAreas(polygons, random);
    const startedAt = performance.now();
    map = new MapLibreMap({
      container: document.getElementById('map'),
      style: { version: 8, sources: {}, layers: [{ id: 'background', type: 'background', paint: { 'background-color': '#f4f5f7' } }] },
      center: [119.3, 26.08],
      zoom: 9.6,
      attributionControl: false,
      fadeDuration: 0,
    });
    await new Promise((resolve) => map.once('load', resolve));
    map.addSource('areas', { type: 'geojson', data, promoteId: 'id', buffer: 16 });
    map.addLayer({
      id: 'areas-fill',
      type: 'fill',
      source: 'areas',
      paint: { 'fill-color': ['coalesce', ['feature-state', 'colour'], ['get', 'colour'], GREY] },
    });
    await idle(map);
    const drawn = new Set(map.queryRenderedFeatures({ layers: ['areas-fill'] }).map((feature) => feature.id));
    return { firstRenderMs: performance.now() - startedAt, rendered: drawn.size };
  },

  async featureState({ changes, polygons }) {
    const batch = pickChanges(changes, polygons, random);
    const before = performance.now();
    for (const [id, colour] of batch) map.setFeatureState({ source: 'areas', id }, { colour });
    const syncMs = performance.now() - before;
    map.triggerRepaint();
    await idle(map);
    return { syncMs, renderedMs: performance.now() - before };
  },

  /** Builds the replacement data outside the timed step, so only MapLibre's work is measured. */
  prepareData({ changes, polygons }) {
    map.removeFeatureState({ source: 'areas' });
    const colours = new Map(pickChanges(changes, polygons, random));
    pendingData = {
      type: 'FeatureCollection',
      features: data.features.map((feature) => ({
        ...feature,
        properties: { id: feature.properties.id, colour: colours.get(feature.properties.id) ?? GREY },
      })),
    };
  },

  async setData() {
    const before = performance.now();
    const done = map.getSource('areas').setData(pendingData);
    const syncMs = performance.now() - before;
    await done;
    await idle(map);
    return { syncMs, renderedMs: performance.now() - before };
  },
};
