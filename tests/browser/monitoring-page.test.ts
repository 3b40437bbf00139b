import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserSkipReason, launchChromium } from '../support/chromium.js';
import { startGridsweepServer, type RunningServer } from '../support/gridsweep-server.js';
import { watchPageProblems } from '../support/page-problems.js';
import { pixelAt, type Rgb } from '../support/pixel.js';
import { saveScreenshot } from '../support/screenshots.js';
import { tinyTerritory } from './territory-fixture.js';

const skipReason = browserSkipReason();
if (skipReason) console.warn(`browser tests skipped: ${skipReason}`);

const VIEWPORT = { width: 1920, height: 1080 };
// The no-data grey (#b8bcc2) at 88 % over the light background (#f4f5f7).
const NO_DATA_ON_SCREEN: Rgb = { r: 191, g: 195, b: 200 };

function near(actual: Rgb, expected: Rgb, tolerance: number): boolean {
  return Math.abs(actual.r - expected.r) <= tolerance && Math.abs(actual.g - expected.g) <= tolerance && Math.abs(actual.b - expected.b) <= tolerance;
}

describe.skipIf(skipReason !== null)(`the dashboard served by the real server, in Chromium${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startGridsweepServer();
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function openPage(path: string): Promise<{ page: Page; problems: string[] }> {
    const page = await browser.newPage({ viewport: VIEWPORT });
    const problems = watchPageProblems(page);
    await page.goto(`${server.url}${path}`);
    return { page, problems };
  }

  it('shows an empty territory as "no areas" in Chinese, without a single console error', async () => {
    const { page, problems } = await openPage('/');
    await page.getByTestId('status').getByText('暂无区域数据').waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    await saveScreenshot(page, 'monitoring-empty');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('draws the micro-grids the server holds in the no-data grey, with their name on hover', async () => {
    for (const area of tinyTerritory()) {
      const response = await fetch(`${server.url}/api/v1/areas`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(area),
      });
      expect(response.status, `${area.id}: ${await response.clone().text()}`).toBe(201);
    }
    const { page, problems } = await openPage('/');
    await page.locator('[data-testid="area-map"][data-areas="4"]').waitFor();
    // Centre of the lower-left micro-grid: the four squares fill the middle of the window.
    const inside = { x: VIEWPORT.width / 2 - 200, y: VIEWPORT.height / 2 + 200 };
    await expect.poll(async () => near(await pixelAt(page, inside.x, inside.y), NO_DATA_ON_SCREEN, 8), { timeout: 20_000 }).toBe(true);
    await page.mouse.move(inside.x, inside.y);
    await expect.poll(async () => page.getByTestId('hover-card').textContent()).toContain('1-1微网格');
    await saveScreenshot(page, 'monitoring-microgrids');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('switches every label to English and remembers the choice on reload', async () => {
    const { page, problems } = await openPage('/');
    await page.getByTestId('locale-switch').click();
    await page.getByTestId('status').getByText('No rounds yet').waitFor();
    await page.reload();
    await page.getByTestId('status').getByText('No rounds yet').waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en-GB');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('opens /wall as a deep link: dark, with the map, tiles, a clock and a badge saying no count has come yet', async () => {
    const { page, problems } = await openPage('/wall');
    await page.locator('[data-testid="area-map"][data-areas="4"]').waitFor();
    // No round exists, so no count has ever arrived: the badge must not claim the data is live.
    await expect.poll(async () => page.getByTestId('freshness').getAttribute('data-freshness')).toBe('never');
    const background = await page.locator('main').evaluate((element) => getComputedStyle(element).backgroundColor);
    expect(background).toBe('rgb(11, 15, 20)');
    await saveScreenshot(page, 'wall');
    expect(problems).toEqual([]);
    await page.close();
  });
});
