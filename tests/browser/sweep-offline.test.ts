import type { AreaCounts } from '@gridsweep/core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserSkipReason, launchChromium } from '../support/chromium.js';
import { startGridsweepServer, ADMIN, type RunningServer } from '../support/gridsweep-server.js';
import { near, pixelAt, type Rgb } from '../support/pixel.js';
import { saveScreenshot } from '../support/screenshots.js';
import { recordDoor, seedSweep, signInAsWorker, SWEEP_ROUND, type Outcome } from './sweep-fixture.js';

const skipReason = browserSkipReason();
const PHONE = { width: 390, height: 844 };
const WALL = { width: 1920, height: 1080 };
// Inside micro-grid mg-1 (the lower-left square) on the wall; its colours as they reach the wall's dark screen.
const INSIDE_MG_1_ON_WALL = { x: 530, y: 830 };
const RED_ON_WALL: Rgb = { r: 191, g: 44, b: 30 }; // coverage below 50 %
const ORANGE_ON_WALL: Rgb = { r: 223, g: 126, b: 81 }; // coverage 50–80 %

/** Ten doors of a building: seven let in with the one-tap fill, two no answer, one refused. */
function plan(buildingId: string, unit: number): [string, Outcome][] {
  const doors = [1, 2, 3].flatMap((floor) => [1, 2].map((room) => `${buildingId}-${unit}-${floor}0${room}`));
  const more = [1, 2, 3].flatMap((floor) => [1, 2].map((room) => `${buildingId}-${unit + 1}-${floor}0${room}`));
  const ids = [...doors, ...more].slice(0, 10);
  return ids.map((id, index): [string, Outcome] => [id, index === 3 || index === 7 ? 'no_answer' : index === 5 ? 'refused' : 'quick']);
}

describe.skipIf(skipReason !== null)(`a field worker sweeping on a phone, online and offline, in Chromium${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    server = await startGridsweepServer();
    browser = await launchChromium();
    await seedSweep(server);
    context = await browser.newContext({ viewport: PHONE, hasTouch: true, isMobile: true, locale: 'zh-CN' });
    page = await context.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const pending = () => page.getByTestId('sweep-pending');

  async function areaCounts(): Promise<AreaCounts> {
    const token = await server.login(ADMIN.username, ADMIN.password);
    const response = await fetch(`${server.url}/api/v1/rounds/${SWEEP_ROUND}/areas/mg-1/counts`, { headers: { authorization: `Bearer ${token}` } });
    expect(response.status).toBe(200);
    return ((await response.json()) as { counts: AreaCounts }).counts;
  }

  it('records twenty households over two buildings, ten of them offline across a reload, and the server, killed during the drain and restarted, counts each once, and the wall recolours the micro-grid', async () => {
    // The wall in the command room, open all along.
    const wall = await browser.newPage({ viewport: WALL });
    await wall.goto(`${server.url}/wall?token=${server.wallToken}`);
    await wall.locator('[data-testid="area-map"][data-areas="4"]').waitFor();
    const wallColour = () => pixelAt(wall, INSIDE_MG_1_ON_WALL.x, INSIDE_MG_1_ON_WALL.y);
    await expect.poll(async () => near(await wallColour(), RED_ON_WALL, 8), { timeout: 20_000 }).toBe(true);

    await signInAsWorker(page, server.url);
    // The shell is kept by the service worker before the phone loses its network.
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 });
    await page.getByTestId('sweep-microgrid').first().waitFor();
    await expect(page.getByTestId('sweep-microgrid').count()).resolves.toBe(1);
    await page.getByTestId('sweep-download').tap();
    await page.getByTestId('sweep-download-state').filter({ hasText: /^离线数据 \d/ }).waitFor();

    await page.getByTestId('sweep-microgrid').first().tap();
    await page.locator('[data-testid="sweep-building"][data-building-id="sb-1"]').tap();
    await page.getByTestId('sweep-floor-grid').waitFor();
    for (const [householdId, outcome] of plan('sb-1', 1)) await recordDoor(page, householdId, outcome);
    await pending().filter({ hasText: '已全部上传' }).waitFor();

    await context.setOffline(true);
    await page.getByTestId('sweep-back').tap();
    await page.locator('[data-testid="sweep-building"][data-building-id="sb-2"]').tap();
    await page.getByTestId('sweep-floor-grid').waitFor();
    await page.getByTestId('sweep-offline').waitFor();
    const offlinePlan = plan('sb-2', 1);
    for (const [householdId, outcome] of offlinePlan.slice(0, 5)) await recordDoor(page, householdId, outcome);
    await pending().filter({ hasText: '条待上传' }).waitFor();

    await page.reload();
    await page.getByTestId('sweep-floor-grid').waitFor();
    // What was recorded before the reload is still on the grid and in the queue.
    for (const [householdId] of offlinePlan.slice(0, 5)) {
      await expect(page.locator(`[data-testid="sweep-door"][data-household-id="${householdId}"]`).getAttribute('data-state')).resolves.not.toBe('toVisit');
    }
    await expect(pending().textContent()).resolves.toMatch(/\d+ 条待上传/);
    for (const [householdId, outcome] of offlinePlan.slice(5)) await recordDoor(page, householdId, outcome);
    await saveScreenshot(page, 'sweep-offline-390x844');

    // Back online into a server that hangs with the batch in flight and is then killed and started again.
    server.freeze();
    await context.setOffline(false);
    await page.waitForTimeout(1_000);
    await server.halt();
    await server.restart();
    await pending().filter({ hasText: '已全部上传' }).waitFor({ timeout: 60_000 });

    // 14 of mg-1's 24 households visited: the wall, open all along, turned mg-1 from red to orange by itself.
    await expect.poll(async () => near(await wallColour(), ORANGE_ON_WALL, 8), { timeout: 20_000 }).toBe(true);
    await saveScreenshot(wall, 'sweep-wall-after');
    const recorded = [...plan('sb-1', 1), ...offlinePlan];
    const tally = (kind: Outcome) => recorded.filter(([, outcome]) => outcome === kind).length;
    const counts = await areaCounts();
    expect(counts.households).toMatchObject({ total: 24, visited: tally('quick'), noAnswer: tally('no_answer'), refused: tally('refused') });
    // The one-tap fill marks both members of each visited household tested with a green code.
    expect(counts.members.done).toBe(2 * tally('quick'));
    expect(counts.markers.green).toBe(2 * tally('quick'));
  }, 180_000);
});
