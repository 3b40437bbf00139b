// `pnpm bench:map`: 50 000 micro-grid polygons in headless Chromium, one JSON line.
// The page is bundled by Vite with the dashboard's own AreaMap (src/lib/map), so
// what is timed is what the dashboard does, not a copy of it.
//   applyMs          main-thread time of 2 000 colour changes the dashboard's way: AreaMap.setColour
//                    calls, then the frame batch of setFeatureState calls (median of 5 bursts)
//   applyRenderedMs  from those calls until the map is idle with the change drawn
//   setDataMs        the baseline, same run: the same burst baked into the data and
//                    the whole source replaced, from setData until idle with it drawn
//                    (setData only posts to the worker, so its call time, setDataCallMs,
//                    says nothing; the work happens later, partly on the main thread)
//   firstRenderMs    from creating the map until the first 'idle' with every polygon drawn
//                    (the check that every polygon was drawn comes after, untimed)
/* global window -- the functions passed to page.evaluate run in the browser */
import { createServer } from 'node:http';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { build, defaultClientConditions } from 'vite';

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

/** Serves the built bench page; nothing leaves the machine. */
function fileFor(path) {
  const name = normalize(path === '/' ? 'map-bench.html' : path.slice(1));
  return name.startsWith('..') ? null : join(outDir, name);
}

const server = createServer((request, response) => {
  const file = fileFor(new URL(request.url ?? '/', 'http://localhost').pathname);
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
try {
  const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  const problems = [];
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  await page.goto(`http://127.0.0.1:${port}/`);
  await page.waitForFunction(() => typeof window.bench === 'object');
  const options = { polygons: POLYGONS, changes: CHANGES };
  const setup = await page.evaluate((setupOptions) => window.bench.setup(setupOptions), options);
  const featureState = [];
  for (let run = 0; run < REPEATS; run++) {
    featureState.push(await page.evaluate((stepOptions) => window.bench.featureState(stepOptions), options));
  }
  const setData = [];
  for (let run = 0; run < REPEATS; run++) {
    await page.evaluate((stepOptions) => window.bench.prepareData(stepOptions), options);
    setData.push(await page.evaluate(() => window.bench.setData()));
  }
  if (problems.length > 0) throw new Error(`the bench page reported errors: ${problems.join('; ')}`);
  if (setup.rendered !== POLYGONS) throw new Error(`${setup.rendered} of ${POLYGONS} polygons were drawn; the measurements would mean nothing`);
  const median = (values) => {
    const sorted = [...values].sort((a, b) => a - b);
    return Math.round(sorted[Math.floor(sorted.length / 2)] * 10) / 10;
  };
  console.log(
    JSON.stringify({
      bench: 'map',
      polygons: POLYGONS,
      changes: CHANGES,
      applyMs: median(featureState.map((sample) => sample.syncMs)),
      setDataMs: median(setData.map((sample) => sample.renderedMs)),
      firstRenderMs: Math.round(setup.firstRenderMs),
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
