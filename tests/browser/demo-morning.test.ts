import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserSkipReason, launchChromium } from '../support/chromium.js';
import { demoPassword, waitForDemoRound } from '../support/demo-accounts.js';
import { startGridsweepServer, type RunningServer } from '../support/gridsweep-server.js';
import { watchPageProblems } from '../support/page-problems.js';
import { saveScreenshot } from '../support/screenshots.js';
import { signInThroughPage } from '../support/sign-in.js';

const skipReason = browserSkipReason();
const VIEWPORT = { width: 1920, height: 1080 };
// The map without the side panel, whose list would change anyway.
const MAP_REGION = { x: 0, y: 80, width: 1500, height: 1000 };

describe.skipIf(skipReason !== null)(`the dashboard over the demo's live sweep morning, in Chromium${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  let server: RunningServer;
  let browser: Browser;
  let microgrids: number;

  beforeAll(async () => {
    // The tiny city at 30× speed: micro-grids change colour every few seconds.
    server = await startGridsweepServer({ GRIDSWEEP_DEMO: 'on', DEMO_SCALE: 'tiny', DEMO_SPEED: '30' });
    browser = await launchChromium();
    await waitForDemoRound(server);
    const areas = (await (
      await fetch(`${server.url}/api/v1/areas.geojson?level=microgrid`, { headers: { authorization: `Bearer ${server.wallToken}` } })
    ).json()) as { features: unknown[] };
    microgrids = areas.features.length;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function mapPicture(page: Page): Promise<string> {
    return (await page.screenshot({ clip: MAP_REGION })).toString('base64');
  }

  it("draws every micro-grid of the city for the demo's commander and changes their colours while the teams sweep", async () => {
    expect(microgrids).toBeGreaterThan(0);
    const page = await browser.newPage({ viewport: VIEWPORT });
    const problems = watchPageProblems(page);
    await signInThroughPage(page, server.url, 'commander', await demoPassword(server, 'commander'));
    await page.locator(`[data-testid="area-map"][data-areas="${microgrids}"]`).waitFor();
    await page.getByTestId('status').getByText('实时更新').waitFor();
    await page.waitForTimeout(1_000);
    const before = await mapPicture(page);
    await saveScreenshot(page, 'demo-monitoring');
    await expect.poll(async () => (await mapPicture(page)) !== before, { timeout: 30_000, interval: 1_000 }).toBe(true);
    await saveScreenshot(page, 'demo-monitoring-later');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('shows the wall with live tiles, a ticker of doors knocked and a coverage chart while the morning plays', async () => {
    const page = await browser.newPage({ viewport: VIEWPORT });
    const problems = watchPageProblems(page);
    await page.goto(`${server.url}/wall?token=${server.wallToken}`);
    await expect.poll(async () => page.getByTestId('freshness').getAttribute('data-freshness'), { timeout: 20_000 }).toBe('fresh');
    const swept = page.getByTestId('tile-households');
    await expect.poll(async () => swept.textContent(), { timeout: 20_000 }).toMatch(/\d+ \/ [\d,]+/);
    const first = await swept.textContent();
    await expect.poll(async () => swept.textContent(), { timeout: 30_000, interval: 1_000 }).not.toBe(first);
    await expect.poll(async () => page.getByTestId('activity').locator('time').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    await expect.poll(async () => Number(await page.getByTestId('coverage-chart').getAttribute('data-points')), { timeout: 20_000 }).toBeGreaterThanOrEqual(2);
    await saveScreenshot(page, 'demo-wall');
    expect(problems).toEqual([]);
    await page.close();
  });
});
