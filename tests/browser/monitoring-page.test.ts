import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserSkipReason, launchChromium } from '../support/chromium.js';
import { clickToDrill } from '../support/drill.js';
import { startGridsweepServer, type RunningServer } from '../support/gridsweep-server.js';
import { watchPageProblems } from '../support/page-problems.js';
import { pixelAt, type Rgb } from '../support/pixel.js';
import { postJson } from '../support/post-json.js';
import { saveScreenshot } from '../support/screenshots.js';
import { tinyRoster, tinyTerritory, visitEveryHousehold } from './territory-fixture.js';

const skipReason = browserSkipReason();
if (skipReason) console.warn(`browser tests skipped: ${skipReason}`);

const VIEWPORT = { width: 1920, height: 1080 };
// Map colours as they reach the screen: drawn at 88 % opacity over the light background (#f4f5f7).
const NO_DATA_ON_SCREEN: Rgb = { r: 191, g: 195, b: 200 }; // #b8bcc2
const RED_ON_SCREEN: Rgb = { r: 218, g: 72, b: 57 }; // #d7301f, coverage below 50 %
const GREEN_ON_SCREEN: Rgb = { r: 52, g: 163, b: 100 }; // #1a9850, coverage 95 % and more
// Centre of the lower-left micro-grid (mg-1): the four squares fill the middle of the window.
const INSIDE_MG_1 = { x: VIEWPORT.width / 2 - 200, y: VIEWPORT.height / 2 + 200 };

function near(actual: Rgb, expected: Rgb, tolerance: number): boolean {
  return Math.abs(actual.r - expected.r) <= tolerance && Math.abs(actual.g - expected.g) <= tolerance && Math.abs(actual.b - expected.b) <= tolerance;
}

// The tests run in order against one server, each adding to what the one before left.
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
    for (const area of tinyTerritory()) await postJson(`${server.url}/api/v1/areas`, area);
    const { page, problems } = await openPage('/');
    await page.locator('[data-testid="area-map"][data-areas="4"]').waitFor();
    await expect.poll(async () => near(await pixelAt(page, INSIDE_MG_1.x, INSIDE_MG_1.y), NO_DATA_ON_SCREEN, 8), { timeout: 20_000 }).toBe(true);
    await page.mouse.move(INSIDE_MG_1.x, INSIDE_MG_1.y);
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

  it('drills from a grid down to its micro-grids by a click on the map and back up through the breadcrumb', async () => {
    const { page, problems } = await openPage('/');
    await page.locator('[data-testid="area-map"][data-areas="4"]').waitFor();
    await page.getByLabel('层级').selectOption('grid');
    await page.locator('[data-testid="area-map"][data-areas="1"]').waitFor();
    await clickToDrill(page, INSIDE_MG_1, '第1网格');
    await page.locator('[data-testid="area-map"][data-areas="4"]').waitFor();
    await page.getByRole('button', { name: '全域' }).click();
    await page.locator('[data-testid="area-map"][data-areas="1"]').waitFor();
    expect(problems).toEqual([]);
    await page.close();
  });

  it('turns a micro-grid red while its households wait and green once all are visited, without a reload', async () => {
    const { buildings, households } = tinyRoster();
    for (const building of buildings) await postJson(`${server.url}/api/v1/buildings`, building);
    for (const household of households) await postJson(`${server.url}/api/v1/households`, household);
    const roundStart = Date.now() - 3_600_000;
    await postJson(`${server.url}/api/v1/rounds`, { id: 'r-1', name: '11-29 全员核酸', templateId: 'nucleic-acid', areaId: 'city-1', startsAt: roundStart });

    const { page, problems } = await openPage('/');
    await page.locator('[data-testid="area-map"][data-areas="4"]').waitFor();
    await expect.poll(async () => near(await pixelAt(page, INSIDE_MG_1.x, INSIDE_MG_1.y), RED_ON_SCREEN, 8), { timeout: 20_000 }).toBe(true);
    await saveScreenshot(page, 'monitoring-before-sweep');

    await postJson(`${server.url}/api/v1/events`, { events: visitEveryHousehold('r-1', households, roundStart + 60_000) });
    await expect.poll(async () => near(await pixelAt(page, INSIDE_MG_1.x, INSIDE_MG_1.y), GREEN_ON_SCREEN, 8), { timeout: 20_000 }).toBe(true);
    await saveScreenshot(page, 'monitoring-after-sweep');

    // One level up, a click drills into the grid: the panel explains its coverage and lists its swept micro-grid.
    await page.getByLabel('层级').selectOption('grid');
    await page.locator('[data-testid="area-map"][data-areas="1"]').waitFor();
    await clickToDrill(page, INSIDE_MG_1, '第1网格');
    await page.locator('[data-testid="area-map"][data-areas="4"]').waitFor();
    const panel = page.getByTestId('side-panel');
    await expect.poll(async () => panel.getByTestId('figure-coverage').textContent()).toContain('100%');
    await expect.poll(async () => panel.getByTestId('lagging').textContent()).toContain('1-1微网格');
    await saveScreenshot(page, 'monitoring-grid-panel');
    expect(problems).toEqual([]);
    await page.close();
  });
});
