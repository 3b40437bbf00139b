import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserSkipReason, launchChromium } from '../support/chromium.js';
import { startGridsweepServer, type RunningServer } from '../support/gridsweep-server.js';
import { saveScreenshot } from '../support/screenshots.js';
import { seedRound, tinyRoster, visitEveryHousehold } from './territory-fixture.js';

const skipReason = browserSkipReason();

interface Sample {
  at: number;
  households: { visited: number; toVisit: number };
}

describe.skipIf(skipReason !== null)(`the wall opened in the middle of the morning, in Chromium${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  let server: RunningServer;
  let browser: Browser;
  const roster = tinyRoster();
  const roundStart = Date.now() - 60_000;

  beforeAll(async () => {
    // Sampled every 100 ms instead of 30 s, so "the morning so far" takes a second to build.
    server = await startGridsweepServer({ HISTORY_SAMPLE_MS: '100' });
    browser = await launchChromium();
    await seedRound(server, roster, { id: 'r-1', startsAt: roundStart });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const post = (path: string, body: unknown) => server.postJson(path, body);

  async function history(): Promise<Sample[]> {
    const response = await fetch(`${server.url}/api/v1/rounds/r-1/history`, { headers: { authorization: `Bearer ${server.wallToken}` } });
    expect(response.status).toBe(200);
    return (await response.json()) as Sample[];
  }

  it('draws the morning from before it opened: its chart starts at no door knocked while the tiles say every door is done', async () => {
    const total = roster.households.length;
    await expect.poll(async () => (await history()).filter((sample) => sample.households.visited === 0).length, { timeout: 20_000 }).toBeGreaterThanOrEqual(2);
    const events = visitEveryHousehold('r-1', roster.households, roundStart + 1_000);
    const half = Math.floor(events.length / 2);
    await post('/api/v1/events', { events: events.slice(0, half) });
    await expect.poll(async () => (await history()).some((sample) => sample.households.visited === half), { timeout: 20_000 }).toBe(true);
    await post('/api/v1/events', { events: events.slice(half) });
    await expect.poll(async () => (await history()).some((sample) => sample.households.visited === total), { timeout: 20_000 }).toBe(true);
    const sampledBeforeOpening = (await history()).length;

    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await page.goto(`${server.url}/wall?token=${server.wallToken}`);
    await expect.poll(async () => page.getByTestId('tile-households').textContent(), { timeout: 20_000 }).toContain(`${total} / ${total}`);
    const chart = page.getByTestId('coverage-chart');
    // Only one live point could exist: no count changed since the page opened.
    await expect.poll(async () => Number(await chart.getAttribute('data-points')), { timeout: 20_000 }).toBeGreaterThanOrEqual(sampledBeforeOpening);
    // The line begins at the foot of the chart (coverage 0) and ends at its top (coverage 1).
    const line = (await chart.locator('path').getAttribute('d')) ?? '';
    expect(line).toMatch(/^M0\.0,120\.0 /);
    expect(line).toMatch(/,0\.0$/);
    await saveScreenshot(page, 'wall-history');
    await page.close();
  });
});
