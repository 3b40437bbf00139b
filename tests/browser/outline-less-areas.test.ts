import type { Household } from '@gridsweep/core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserSkipReason, launchChromium } from '../support/chromium.js';
import { ADMIN, startGridsweepServer, type RunningServer } from '../support/gridsweep-server.js';
import { watchPageProblems } from '../support/page-problems.js';
import { saveScreenshot } from '../support/screenshots.js';
import { seedRound, tinyRoster, visitEveryHousehold } from './territory-fixture.js';

const skipReason = browserSkipReason();

/** A second district under the tiny territory's city, from a code list (GB/T 2260 style): no outlines at any level. */
const CODE_LIST = [
  '编码,名称,级别,上级编码',
  'd-2,台江区,区,city-1',
  's-2,瀛洲街道,街道,d-2',
  's-3,上海街道,街道,d-2',
  'cm-2,瀛洲社区,社区,s-2',
  'cm-3,上海社区,社区,s-3',
  'g-2,瀛洲第1网格,网格,cm-2',
  'g-3,上海第1网格,网格,cm-3',
  'mg-9,瀛洲1-1微网格,微网格,g-2',
  'mg-10,上海1-1微网格,微网格,g-3',
].join('\n');

describe.skipIf(skipReason !== null)(`areas without outlines on the maps, in Chromium${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  let server: RunningServer;
  let browser: Browser;
  let adminToken: string;

  beforeAll(async () => {
    server = await startGridsweepServer();
    browser = await launchChromium();
    adminToken = await server.login(ADMIN.username, ADMIN.password);
    const roundStart = Date.now();
    await seedRound(server, tinyRoster(), { id: 'r-1', startsAt: roundStart });
    await importCodeList();
    // Two households in each outline-less micro-grid; one of 瀛洲's visited, so the list has different figures.
    const households: Household[] = [];
    for (const [building, area] of [['b-9', 'mg-9'], ['b-10', 'mg-10']] as const) {
      await server.postJson('/api/v1/buildings', { id: building, areaId: area, name: '1号楼', units: 1, floors: 1 });
      for (const room of ['101', '102']) households.push({ id: `${building}-${room}`, buildingId: building, unit: 1, floor: 1, room, vacant: false });
    }
    for (const household of households) await server.postJson('/api/v1/households', household);
    await server.postJson('/api/v1/events', { events: visitEveryHousehold('r-1', households.slice(0, 1), roundStart + 60_000) });
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** Uploads and commits the code list as the administrator would from /import. */
  async function importCodeList(): Promise<void> {
    const headers = { authorization: `Bearer ${adminToken}` };
    const uploaded = await fetch(`${server.url}/api/v1/imports?kind=areas&fileName=codes.csv`, { method: 'POST', headers: { ...headers, 'content-type': 'text/csv' }, body: CODE_LIST });
    expect(uploaded.status, await uploaded.clone().text()).toBe(201);
    const { importId } = (await uploaded.json()) as { importId: string };
    const committed = await fetch(`${server.url}/api/v1/imports/${importId}/commit`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: '{}' });
    expect(await committed.json()).toMatchObject({ committed: true, areas: { add: 9 }, withoutOutline: 9 });
  }

  const lagging = (page: Page) => page.getByTestId('lagging');
  const note = (page: Page) => page.getByTestId('outline-note');

  async function drillByList(page: Page, name: string): Promise<void> {
    await lagging(page).getByRole('button', { name: new RegExp(name) }).click();
    await page.getByTestId('side-panel').getByRole('heading', { name }).waitFor({ timeout: 20_000 });
  }

  it('says on the monitoring map which areas have no outline, and lists and counts them in the side panel', async () => {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    const problems = watchPageProblems(page);
    await page.goto(`${server.url}/?token=${adminToken}`);
    // The deepest level first: six micro-grids, the two from the code list without outlines.
    await expect.poll(() => note(page).textContent(), { timeout: 20_000 }).toBe('其中 2 个区域没有边界，见右侧列表');

    await page.getByLabel('层级').selectOption('district');
    await expect.poll(() => note(page).textContent(), { timeout: 20_000 }).toBe('其中 1 个区域没有边界，见右侧列表');
    await expect.poll(() => lagging(page).innerText()).toContain('台江区');

    await drillByList(page, '台江区');
    await expect.poll(() => note(page).textContent(), { timeout: 20_000 }).toBe('这些区域没有边界，见右侧列表');
    await expect.poll(() => page.getByTestId('status').textContent()).toContain('2 个区域');
    await expect.poll(() => lagging(page).innerText()).toMatch(/上海街道\s*0%[\s\S]*瀛洲街道\s*50%/);
    await saveScreenshot(page, 'monitoring-areas-without-outlines');

    // The list still drills further down, and the panel counts the area drilled into.
    await drillByList(page, '瀛洲街道');
    await expect.poll(() => note(page).textContent()).toBe('这些区域没有边界，见右侧列表');
    await expect.poll(() => page.getByTestId('side-panel').getByTestId('figure-coverage').textContent()).toContain('50%');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('shows no note over a view whose areas all have outlines', async () => {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    const problems = watchPageProblems(page);
    await page.goto(`${server.url}/?token=${adminToken}`);
    await note(page).waitFor({ timeout: 20_000 });
    await page.getByLabel('层级').selectOption('city');
    await expect.poll(() => page.getByTestId('area-map').getAttribute('data-areas'), { timeout: 20_000 }).toBe('1');
    expect(await note(page).count()).toBe(0);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('says on the wall that some micro-grids have no outline, beside the lagging list', async () => {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    const problems = watchPageProblems(page);
    await page.goto(`${server.url}/wall?token=${server.wallToken}`);
    await expect.poll(() => note(page).textContent(), { timeout: 20_000 }).toBe('其中 2 个区域没有边界，见右侧列表');
    await expect.poll(() => page.locator('.lagging').innerText(), { timeout: 20_000 }).toContain('上海1-1微网格');
    await saveScreenshot(page, 'wall-areas-without-outlines');
    expect(problems).toEqual([]);
    await page.close();
  });
});
