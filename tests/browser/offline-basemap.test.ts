import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserSkipReason, launchChromium } from '../support/chromium.js';
import { ADMIN, startGridsweepServer, type RunningServer } from '../support/gridsweep-server.js';
import { watchPageProblems } from '../support/page-problems.js';
import { near, pixelAt, type Rgb } from '../support/pixel.js';
import { singleTileArchive, solidPng } from '../support/raster-archive.js';
import { saveScreenshot } from '../support/screenshots.js';
import { tinyTerritory } from './territory-fixture.js';

const skipReason = browserSkipReason();
const VIEWPORT = { width: 1920, height: 1080 };
const BASEMAP: Rgb = { r: 40, g: 90, b: 160 };
// The no-data grey (#b8bcc2) drawn at 60 % over the basemap.
const NO_DATA_OVER_BASEMAP: Rgb = { r: 126, g: 149, b: 180 };
// Left of the four micro-grids, clear of the legend and the toolbar; and inside mg-1.
const OUTSIDE_THE_AREAS = { x: 150, y: 540 };
const INSIDE_MG_1 = { x: VIEWPORT.width / 2 - 200, y: VIEWPORT.height / 2 + 200 };


describe.skipIf(skipReason !== null)(`an offline PMTiles basemap from BASEMAP_DIR, in Chromium${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  let server: RunningServer;
  let browser: Browser;
  let basemapDir: string;

  beforeAll(async () => {
    basemapDir = mkdtempSync(join(tmpdir(), 'gridsweep-basemap-'));
    writeFileSync(join(basemapDir, 'land.pmtiles'), singleTileArchive(solidPng([BASEMAP.r, BASEMAP.g, BASEMAP.b])));
    // The archive is named relative to the style, as a basemap folder would name it.
    const style = { version: 8, sources: { land: { type: 'raster', url: 'pmtiles://land.pmtiles', tileSize: 256 } }, layers: [{ id: 'land', type: 'raster', source: 'land' }] };
    writeFileSync(join(basemapDir, 'style.json'), JSON.stringify(style));
    server = await startGridsweepServer({ BASEMAP_DIR: basemapDir });
    browser = await launchChromium();
    for (const area of tinyTerritory()) await server.postJson('/api/v1/areas', area);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(basemapDir, { recursive: true, force: true });
  });

  it('draws the micro-grids over the basemap, which the page reads from the server a byte range at a time', async () => {
    const page = await browser.newPage({ viewport: VIEWPORT });
    const problems = watchPageProblems(page);
    const archiveRanges: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname === '/basemap/land.pmtiles') archiveRanges.push(request.headers()['range'] ?? 'none');
    });
    await page.goto(`${server.url}/?token=${await server.login(ADMIN.username, ADMIN.password)}`);
    await page.locator('[data-testid="area-map"][data-areas="4"]').waitFor();
    await expect.poll(async () => near(await pixelAt(page, OUTSIDE_THE_AREAS.x, OUTSIDE_THE_AREAS.y), BASEMAP), { timeout: 20_000 }).toBe(true);
    await expect.poll(async () => near(await pixelAt(page, INSIDE_MG_1.x, INSIDE_MG_1.y), NO_DATA_OVER_BASEMAP), { timeout: 20_000 }).toBe(true);
    expect(archiveRanges.length).toBeGreaterThan(0);
    expect(archiveRanges.every((range) => /^bytes=\d+-\d+$/.test(range))).toBe(true);
    await saveScreenshot(page, 'monitoring-offline-basemap');
    expect(problems).toEqual([]);
    await page.close();
  });
});
