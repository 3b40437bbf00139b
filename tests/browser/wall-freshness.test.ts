import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserSkipReason, launchChromium } from '../support/chromium.js';
import { startGridsweepServer, type RunningServer } from '../support/gridsweep-server.js';
import { saveScreenshot } from '../support/screenshots.js';
import { tinyTerritory } from './territory-fixture.js';

const skipReason = browserSkipReason();

describe.skipIf(skipReason !== null)(`the wall display when its data stops, in Chromium${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startGridsweepServer();
    browser = await launchChromium();
    for (const area of tinyTerritory()) await post('/api/v1/areas', area);
    await post('/api/v1/rounds', { id: 'r-1', name: '11-29 全员核酸', templateId: 'nucleic-acid', areaId: 'city-1', startsAt: Date.now() });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function post(path: string, body: unknown): Promise<void> {
    const response = await fetch(`${server.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    if (!response.ok) throw new Error(`POST ${path} answered ${response.status}: ${await response.text()}`);
  }

  it('says "live" at 4K while counts arrive, then turns amber once the server has been silent for 10 s', async () => {
    const page = await browser.newPage({ viewport: { width: 3840, height: 2160 } });
    await page.goto(`${server.url}/wall`);
    const badge = page.getByTestId('freshness');
    await expect.poll(async () => badge.getAttribute('data-freshness'), { timeout: 20_000 }).toBe('fresh');
    await page.locator('[data-testid="area-map"][data-areas="4"]').waitFor();
    await saveScreenshot(page, 'wall-4k');

    await server.stop();
    await expect.poll(async () => badge.getAttribute('data-freshness'), { timeout: 30_000, interval: 1_000 }).toBe('stale');
    expect(await badge.textContent()).toContain('数据延迟');
    await saveScreenshot(page, 'wall-stale');
    await page.close();
  });
});
