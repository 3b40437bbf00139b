import type { Building, Household } from '@gridsweep/core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserSkipReason, launchChromium } from '../support/chromium.js';
import { clickToDrill } from '../support/drill.js';
import { ADMIN, startGridsweepServer, type RunningServer } from '../support/gridsweep-server.js';
import { watchPageProblems } from '../support/page-problems.js';
import { near, pixelAt, type Rgb } from '../support/pixel.js';
import { saveScreenshot } from '../support/screenshots.js';
import { signInThroughPage } from '../support/sign-in.js';
import { seedRound, visitEveryHousehold } from './territory-fixture.js';

const skipReason = browserSkipReason();

const VIEWPORT = { width: 1920, height: 1080 };
// The monitoring page frames areas inside this padding (toolbar above, side panel to the right).
const PADDING = { top: 88, right: 320, bottom: 24, left: 24 };
// Building circles are drawn opaque, so they reach the screen in the palette's own colours.
const RED: Rgb = { r: 215, g: 48, b: 31 }; // #d7301f, coverage below 50 %
const GREEN: Rgb = { r: 26, g: 152, b: 80 }; // #1a9850, coverage 95 % and more
// Areas at their usual 88 % opacity over the light background: #fc8d59, coverage 50–80 %.
const ORANGE_AREA_ON_SCREEN: Rgb = { r: 251, g: 154, b: 108 };
// Micro-grid mg-1 of the tiny territory: the square 119.30–119.31 °E, 26.08–26.09 °N.
const MG_1 = { west: 119.3, south: 26.08, east: 119.31, north: 26.09 };
const INSIDE_MG_1_ON_GRID_VIEW = { x: VIEWPORT.width / 2 - 200, y: VIEWPORT.height / 2 + 200 };
const CENTRE_OF_FRAME = {
  x: PADDING.left + (VIEWPORT.width - PADDING.left - PADDING.right) / 2,
  y: PADDING.top + (VIEWPORT.height - PADDING.top - PADDING.bottom) / 2,
};

/** Two buildings in mg-1, west and east of its centre, four households each. */
function buildingRoster(): { buildings: Building[]; households: Household[] } {
  const buildings: Building[] = [
    { id: 'b-west', areaId: 'mg-1', name: '3号楼', units: 1, floors: 2, location: { type: 'Point', coordinates: [119.303, 26.085] } },
    { id: 'b-east', areaId: 'mg-1', name: '8号楼', units: 1, floors: 2, location: { type: 'Point', coordinates: [119.307, 26.085] } },
  ];
  const households = buildings.flatMap((building) =>
    [101, 102, 201, 202].map((room) => ({ id: `${building.id}-${room}`, buildingId: building.id, unit: 1, floor: Math.floor(room / 100), room: String(room), vacant: false })),
  );
  return { buildings, households };
}

const mercatorX = (lon: number): number => (lon + 180) / 360;
const mercatorY = (lat: number): number => (1 - Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360)) / Math.PI) / 2;

/** Where a point lands once the map has framed mg-1 alone inside the padding, as MapLibre's fitBounds does. */
function onScreen(lon: number, lat: number): { x: number; y: number } {
  const [x0, x1, y0, y1] = [mercatorX(MG_1.west), mercatorX(MG_1.east), mercatorY(MG_1.north), mercatorY(MG_1.south)];
  const scale = Math.min((VIEWPORT.width - PADDING.left - PADDING.right) / (x1 - x0), (VIEWPORT.height - PADDING.top - PADDING.bottom) / (y1 - y0));
  return {
    x: Math.round(CENTRE_OF_FRAME.x + (mercatorX(lon) - (x0 + x1) / 2) * scale),
    y: Math.round(CENTRE_OF_FRAME.y + (mercatorY(lat) - (y0 + y1) / 2) * scale),
  };
}


describe.skipIf(skipReason !== null)(`drilling down to a micro-grid's buildings, in Chromium${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  let server: RunningServer;
  let browser: Browser;
  const roundStart = Date.now() - 3_600_000;
  const { buildings, households } = buildingRoster();

  beforeAll(async () => {
    server = await startGridsweepServer();
    browser = await launchChromium();
    await seedRound(server, { buildings, households }, { id: 'r-b', startsAt: roundStart });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function drillInto(page: Page, at: { x: number; y: number }, name: string, areasAfter: number): Promise<void> {
    await clickToDrill(page, at, name);
    await page.locator(`[data-testid="area-map"][data-areas="${areasAfter}"]`).waitFor();
  }

  it('drills from the city to a micro-grid, draws its buildings as circles coloured by their households, recolours one as it is swept, and goes back up', async () => {
    const page = await browser.newPage({ viewport: VIEWPORT });
    const problems = watchPageProblems(page);
    await signInThroughPage(page, server.url, ADMIN.username, ADMIN.password);
    await page.locator('[data-testid="area-map"][data-areas="4"]').waitFor();
    await page.getByLabel('层级').selectOption('city');
    await page.locator('[data-testid="area-map"][data-areas="1"]').waitFor();

    for (const [name, areasAfter] of [['测试市', 1], ['鼓楼区', 1], ['洛星街道', 1], ['三坊社区', 1]] as const) {
      await drillInto(page, CENTRE_OF_FRAME, name, areasAfter);
    }
    await drillInto(page, CENTRE_OF_FRAME, '第1网格', 4);
    await drillInto(page, INSIDE_MG_1_ON_GRID_VIEW, '1-1微网格', 1);
    await page.locator('[data-testid="area-map"][data-buildings="2"]').waitFor();
    await page.getByTestId('status').getByText('2 栋楼').waitFor();

    const west = onScreen(119.303, 26.085);
    const east = onScreen(119.307, 26.085);
    await expect.poll(async () => near(await pixelAt(page, west.x, west.y), RED, 6), { timeout: 20_000 }).toBe(true);
    expect(near(await pixelAt(page, east.x, east.y), RED, 6)).toBe(true);
    await saveScreenshot(page, 'monitoring-buildings-before-sweep');

    await page.mouse.move(west.x, west.y);
    const card = page.getByTestId('building-hover-card');
    await expect.poll(async () => card.textContent()).toContain('3号楼');
    expect(await card.textContent()).toContain('0 / 4');

    const westHouseholds = households.filter((household) => household.buildingId === 'b-west');
    await server.postJson('/api/v1/events', { events: visitEveryHousehold('r-b', westHouseholds, roundStart + 60_000) });
    await expect.poll(async () => near(await pixelAt(page, west.x, west.y), GREEN, 6), { timeout: 20_000 }).toBe(true);
    expect(near(await pixelAt(page, east.x, east.y), RED, 6)).toBe(true);
    await page.mouse.move(west.x + 1, west.y);
    await expect.poll(async () => card.textContent()).toContain('4 / 4');
    // The panel explains the micro-grid drilled into and lists its buildings, the one still waiting first.
    const panel = page.getByTestId('side-panel');
    await expect.poll(async () => panel.getByTestId('lagging').textContent()).toMatch(/8号楼.*0%.*3号楼.*100%/);
    await saveScreenshot(page, 'monitoring-buildings-after-sweep');
    // Buildings carry their households' counts only: by another measure the legend says what their circles show.
    expect(await page.getByTestId('legend-note').count()).toBe(0);
    await page.getByLabel('指标').selectOption('codes');
    await expect.poll(async () => page.getByTestId('legend-note').textContent()).toBe('楼栋圆点按入户覆盖率着色');
    await page.getByLabel('指标').selectOption('coverage');

    await page.getByRole('navigation', { name: 'breadcrumb' }).getByRole('button', { name: '第1网格' }).click();
    await page.locator('[data-testid="area-map"][data-areas="4"][data-buildings="0"]').waitFor();
    // Half of mg-1's households are visited now, and its area is drawn at full strength again, no longer faded under points.
    await page.mouse.move(VIEWPORT.width / 2, 30);
    const inside = INSIDE_MG_1_ON_GRID_VIEW;
    await expect.poll(async () => pixelAt(page, inside.x, inside.y), { timeout: 20_000 }).toSatisfy((pixel: Rgb) => near(pixel, ORANGE_AREA_ON_SCREEN, 8));
    expect(problems).toEqual([]);
    await page.close();
  });
});
