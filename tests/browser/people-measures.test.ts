import { uuidV7, type SweepEvent } from '@gridsweep/core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserSkipReason, launchChromium } from '../support/chromium.js';
import { ADMIN, startGridsweepServer, type RunningServer } from '../support/gridsweep-server.js';
import { watchPageProblems } from '../support/page-problems.js';
import { near, pixelAt, type Rgb } from '../support/pixel.js';
import { saveScreenshot } from '../support/screenshots.js';
import { seedRound, tinyRoster, visitEveryHousehold } from './territory-fixture.js';

const skipReason = browserSkipReason();
const VIEWPORT = { width: 1920, height: 1080 };
// Map colours as they reach the screen: drawn at 88 % opacity over the light background (#f4f5f7).
const RED_ON_SCREEN: Rgb = { r: 218, g: 72, b: 57 }; // #d7301f
const GREEN_ON_SCREEN: Rgb = { r: 52, g: 163, b: 100 }; // #1a9850
const NO_DATA_ON_SCREEN: Rgb = { r: 191, g: 195, b: 200 }; // #b8bcc2
// The four micro-grids fill the middle of the window: mg-1 lower left (the one with people), mg-2 lower right.
const INSIDE_MG_1 = { x: VIEWPORT.width / 2 - 200, y: VIEWPORT.height / 2 + 200 };
const INSIDE_MG_2 = { x: VIEWPORT.width / 2 + 200, y: VIEWPORT.height / 2 + 200 };


describe.skipIf(skipReason !== null)(`measures that count people, and the wall's goal tile (无疫), in Chromium${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  let server: RunningServer;
  let browser: Browser;
  let adminToken: string;
  const roster = tinyRoster();
  const roundStart = Date.now() - 3_600_000;
  let clock = roundStart;

  /** An observation of one member of mg-1, each later than the last on the device's clock. */
  function memberEvent(householdId: string, memberId: string, values: Record<string, string>): SweepEvent {
    clock += 1_000;
    return { id: uuidV7(clock), deviceTime: clock, roundId: 'r-1', workerId: 'worker-1', householdId, memberId, values };
  }

  async function colourAt(page: Page, point: { x: number; y: number }, expected: Rgb): Promise<void> {
    await expect.poll(async () => near(await pixelAt(page, point.x, point.y), expected), { timeout: 20_000 }).toBe(true);
  }

  beforeAll(async () => {
    server = await startGridsweepServer();
    browser = await launchChromium();
    adminToken = await server.login(ADMIN.username, ADMIN.password);
    await seedRound(server, roster, { id: 'r-1', startsAt: roundStart });
    // Two people in mg-1: an elderly woman living alone, and her neighbour.
    await server.postJson('/api/v1/members', { id: 'm-1', householdId: 'hh-101', name: '林秀英', tags: ['elderly_alone'] });
    await server.postJson('/api/v1/members', { id: 'm-2', householdId: 'hh-102', name: '陈建国', tags: [] });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('colours micro-grids by red and yellow codes and by special groups not reached, each with a legend and figures of its own', async () => {
    await server.postJson('/api/v1/events', { events: [memberEvent('hh-102', 'm-2', { code: 'red' })] });
    const page = await browser.newPage({ viewport: VIEWPORT });
    const problems = watchPageProblems(page);
    await page.goto(`${server.url}/?token=${adminToken}`);
    await page.locator('[data-testid="area-map"][data-areas="4"]').waitFor();
    const legend = page.getByTestId('legend');
    const panel = page.getByTestId('side-panel');

    await page.getByLabel('指标').selectOption('codes');
    await expect.poll(async () => (await legend.textContent())?.replace(/\s+/g, ' ').trim()).toBe('红黄码 无红黄码 有黄码 有红码 暂无数据');
    await colourAt(page, INSIDE_MG_1, RED_ON_SCREEN);
    await colourAt(page, INSIDE_MG_2, NO_DATA_ON_SCREEN);
    // The template's own option names, worst first.
    await expect.poll(async () => panel.getByTestId('figure-codes').textContent()).toContain('红码 1 · 黄码 0');
    await saveScreenshot(page, 'monitoring-codes');

    // Nobody has knocked on the elderly woman's door yet: the one special-group member is not reached.
    await page.getByLabel('指标').selectOption('specialGroups');
    await expect.poll(async () => legend.textContent()).toContain('已走访 ≥ 95%');
    await colourAt(page, INSIDE_MG_1, RED_ON_SCREEN);
    await expect.poll(async () => panel.getByTestId('figure-specialGroups').textContent()).toContain('1 / 1 人');
    await saveScreenshot(page, 'monitoring-special-groups');

    await server.postJson('/api/v1/events', { events: visitEveryHousehold('r-1', roster.households, (clock += 1_000)) });
    await colourAt(page, INSIDE_MG_1, GREEN_ON_SCREEN);
    await expect.poll(async () => panel.getByTestId('figure-specialGroups').textContent()).toContain('0 / 1 人');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('counts the 无疫 micro-grids on the wall, and one more as soon as a micro-grid meets every condition, its health code named in the ticker', async () => {
    const page = await browser.newPage({ viewport: VIEWPORT });
    const problems = watchPageProblems(page);
    await page.goto(`${server.url}/wall?token=${server.wallToken}`);
    // The rules' goal, named by the rules: 无疫 for the nucleic-acid round.
    const tile = page.getByTestId('tile-goal');
    // mg-1 is swept, but one of its two people is untested and the other has a red code; the rest have nobody.
    await expect.poll(async () => tile.textContent(), { timeout: 20_000 }).toContain('0 / 4');
    // Opened after the doors of the test before were knocked, the ticker shows them at once rather than nothing.
    await expect.poll(async () => page.getByTestId('activity').locator('time').count()).toBeGreaterThan(0);
    await server.postJson('/api/v1/events', {
      events: [memberEvent('hh-101', 'm-1', { test: 'tested' }), memberEvent('hh-102', 'm-2', { test: 'tested' }), memberEvent('hh-102', 'm-2', { code: 'green' })],
    });
    await expect.poll(async () => tile.textContent(), { timeout: 20_000 }).toContain('1 / 4');
    expect(await tile.textContent()).toContain('无疫微网格');
    // Red and yellow codes side by side, not as a fraction; the map's legend is on the wall too.
    await expect.poll(async () => page.getByTestId('tile-codes').textContent()).toContain('0 · 0');
    // The wall opens on the rules' colour measure, named as the template names it.
    expect(await page.getByTestId('legend').textContent()).toContain('覆盖率');
    // The ticker names the health code recorded as the template does, not by its option id, and where the micro-grid lies.
    const ticker = page.getByTestId('activity');
    await expect.poll(async () => ticker.textContent()).toContain('绿码');
    expect(await ticker.textContent()).not.toContain('green');
    expect(await ticker.textContent()).toContain('1-1微网格三坊社区 第1网格');
    await saveScreenshot(page, 'wall-epidemic-free');
    expect(problems).toEqual([]);
    await page.close();
  });
});
