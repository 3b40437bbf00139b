// `pnpm bench:map`: 50 000 micro-grid polygons in headless Chromium, one JSON line.
// The page is bundled by Vite with the dashboard's own AreaMap (src/lib/map), and its
// vector tiles are cut by the server's own AreaTileSet, so what is timed is what the
// dashboard and the server do, not a copy of them.
//   firstRenderMs      from creating the map until its first 'idle' with every polygon drawn,
//                      the server having cut these tiles before (as for every page after the first)
//   firstRenderColdMs  the same on a server that has not: it builds the view's tile index and
//                      encodes each tile while the page waits (serverIndexMs, serverEncodeMs)
//   applyMs            main-thread time of 2 000 colour changes the dashboard's way: AreaColouring
//                      recolouring the 2 000 areas a delta names, its AreaMap.setColour calls, then the
//                      frame batch of setFeatureState calls (median of 5 bursts)
//   applyAllMs         the baseline, same run: the same bursts found by comparing every area shown, as
//                      the dashboard did before it recoloured only the areas a delta names
//   setColourMs        the map's part alone: the bursts handed straight to AreaMap.setColour and its frame
//                      batch (what applyMs timed before the dashboard had AreaColouring)
//   applyRenderedMs    from those calls until the map is idle with the change drawn
//   setDataMs          the baseline, same run: the same burst baked into a GeoJSON source's data and
//                      the whole source replaced, from setData until idle with it drawn (setData only
//                      posts to the worker, so its call time, setDataCallMs, says nothing)
//   geojsonLoadMs      the same areas sent to that GeoJSON source at once, as the dashboard did before
//                      tiles, until drawn (on the map already made, so without its start-up)
// Each page gets a browser context of its own, so no HTTP cache carries tiles from one to the next.
// MAP_BENCH_SCREENSHOT=<file.png> saves the drawn map, to look at what was timed.
/* global window -- the functions passed to page.evaluate run in the browser */
import { createServer } from 'node:http';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AreaTileSet } from '@gridsweep/server/area-tiles';
import { chromium } from 'playwright-core';
import { build, defaultClientConditions } from 'vite';
import { bboxOf, seededRandom, syntheticAreas } from './synthetic-city.mjs';

const POLYGONS = 50_000;
const CHANGES = 2_000;
const REPEATS = 5;
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

const here = dirname(fileURLToPath(import.meta.url));
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css' };

// A production build, as the dashboard ships: minified MapLibre, its worker as a file of its own.
const outDir = await mkdtemp(join(tmpdir(), 'gridsweep-map-bench-'));
await build({
  root: here,
  configFile: false,
  logLevel: 'error',
  base: '/',
  resolve: { conditions: ['@gridsweep/source', ...defaultClientConditions] },
  build: { outDir, emptyOutDir: true, chunkSizeWarningLimit: 1_500, rollupOptions: { input: join(here, 'map-bench.html') } },
});

const areas = syntheticAreas(POLYGONS, seededRandom(7));
const areasJson = JSON.stringify(areas);
const bbox = bboxOf(areas);

/** The server's side of the map: one view's tile set, built at its first tile request, as the server's cache does. */
const tiles = { set: null, indexMs: 0, encodeMs: 0, served: 0, bytes: 0 };
function tile(z, x, y) {
  if (!tiles.set) {
    const startedAt = performance.now();
    tiles.set = new AreaTileSet(areas.features.map((feature) => ({ id: feature.properties.id, geometry: feature.geometry })));
    tiles.indexMs = performance.now() - startedAt;
  }
  const startedAt = performance.now();
  const bytes = tiles.set.tile(z, x, y);
  tiles.encodeMs += performance.now() - startedAt;
  tiles.served += 1;
  tiles.bytes += bytes.length;
  return bytes;
}

/** Serves the built bench page, the tiles and the baseline's GeoJSON; nothing leaves the machine. */
function fileFor(path) {
  const name = normalize(path === '/' ? 'map-bench.html' : path.slice(1));
  return name.startsWith('..') ? null : join(outDir, name);
}

const server = createServer((request, response) => {
  const path = new URL(request.url ?? '/', 'http://localhost').pathname;
  const tileAddress = /^\/tiles\/(\d+)\/(\d+)\/(\d+)$/.exec(path);
  if (tileAddress) {
    const [z, x, y] = tileAddress.slice(1).map(Number);
    response.writeHead(200, { 'content-type': 'application/vnd.mapbox-vector-tile' }).end(tile(z, x, y));
    return;
  }
  if (path === '/areas.geojson') {
    response.writeHead(200, { 'content-type': 'application/geo+json' }).end(areasJson);
    return;
  }
  const file = fileFor(path);
  if (!file) {
    response.writeHead(404).end();
    return;
  }
  readFile(file).then(
    (body) => response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body),
    () => response.writeHead(404).end(),
  );
});

await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
const address = server.address();
const port = typeof address === 'object' && address ? address.port : 0;

const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS, headless: true });
const problems = [];

/** A page in a context of its own (no HTTP cache shared with another), with its errors collected. */
async function openPage() {
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const page = await context.newPage();
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  await page.goto(`http://127.0.0.1:${port}/`);
  await page.waitForFunction(() => typeof window.bench === 'object');
  return page;
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.floor(sorted.length / 2)] * 10) / 10;
};

try {
  const options = { polygons: POLYGONS, changes: CHANGES, bbox };
  const coldPage = await openPage();
  const cold = await coldPage.evaluate((setupOptions) => window.bench.setup(setupOptions), options);
  await coldPage.context().close();
  const coldTiles = { ...tiles };

  const page = await openPage();
  const setup = await page.evaluate((setupOptions) => window.bench.setup(setupOptions), options);
  if (process.env.MAP_BENCH_SCREENSHOT) await page.screenshot({ path: process.env.MAP_BENCH_SCREENSHOT });
  const featureState = [];
  for (let run = 0; run < REPEATS; run++) {
    featureState.push(await page.evaluate((stepOptions) => window.bench.featureState(stepOptions), options));
  }
  const setColour = [];
  for (let run = 0; run < REPEATS; run++) {
    setColour.push(await page.evaluate((stepOptions) => window.bench.setColour(stepOptions), options));
  }
  const recolourAll = [];
  for (let run = 0; run < REPEATS; run++) {
    recolourAll.push(await page.evaluate((stepOptions) => window.bench.recolourAll(stepOptions), options));
  }
  const setData = [];
  let geojsonLoadMs = null;
  for (let run = 0; run < REPEATS; run++) {
    const prepared = await page.evaluate((stepOptions) => window.bench.prepareData(stepOptions), options);
    geojsonLoadMs ??= prepared.geojsonLoadMs;
    setData.push(await page.evaluate(() => window.bench.setData()));
  }
  if (problems.length > 0) throw new Error(`the bench page reported errors: ${problems.join('; ')}`);
  for (const run of [cold, setup]) {
    if (run.rendered !== POLYGONS) throw new Error(`${run.rendered} of ${POLYGONS} polygons were drawn; the measurements would mean nothing`);
  }
  console.log(
    JSON.stringify({
      bench: 'map',
      polygons: POLYGONS,
      changes: CHANGES,
      applyMs: median(featureState.map((sample) => sample.syncMs)),
      applyAllMs: median(recolourAll.map((sample) => sample.syncMs)),
      setColourMs: median(setColour.map((sample) => sample.syncMs)),
      setDataMs: median(setData.map((sample) => sample.renderedMs)),
      firstRenderMs: Math.round(setup.firstRenderMs),
      firstRenderColdMs: Math.round(cold.firstRenderMs),
      geojsonLoadMs: Math.round(geojsonLoadMs),
      serverIndexMs: Math.round(coldTiles.indexMs),
      serverEncodeMs: Math.round(coldTiles.encodeMs),
      tiles: coldTiles.served,
      tileKb: Math.round(coldTiles.bytes / 1024),
      zoom: Math.round(setup.zoom * 100) / 100,
      applyRenderedMs: median(featureState.map((sample) => sample.renderedMs)),
      setDataCallMs: median(setData.map((sample) => sample.syncMs)),
      renderedFeatures: setup.rendered,
    }),
  );
} finally {
  await browser.close();
  server.close();
  await rm(outDir, { recursive: true, force: true });
}
