import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserSkipReason, launchChromium } from '../support/chromium.js';
import { clickToDrill } from '../support/drill.js';
import { ADMIN, startGridsweepServer, type RunningServer } from '../support/gridsweep-server.js';
import { watchPageProblems, type ProblemOptions } from '../support/page-problems.js';
import { near, pixelAt, type Rgb } from '../support/pixel.js';
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


// The tests run in order against one server, each adding to what the one before left.
describe.skipIf(skipReason !== null)(`the dashboard served by the real server, in Chromium${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  let server: RunningServer;
  let browser: Browser;
  /** A session of the administrator, opened through the API: most tests open `/?token=` with it instead of typing. */
  let adminToken: string;

  beforeAll(async () => {
    server = await startGridsweepServer();
    browser = await launchChromium();
    adminToken = await server.login(ADMIN.username, ADMIN.password);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function openPage(path: string, options: ProblemOptions = {}): Promise<{ page: Page; problems: string[]; apiRequests: string[] }> {
    const page = await browser.newPage({ viewport: VIEWPORT });
    const problems = watchPageProblems(page, options);
    const apiRequests: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname.startsWith('/api/')) apiRequests.push(request.url());
    });
    await page.goto(`${server.url}${path}`);
    return { page, problems, apiRequests };
  }

  it('sends a visitor without a credential to the sign-in page, refuses a wrong password with a message and lands on the map with the right one', async () => {
    const { page, problems } = await openPage('/', { unauthenticatedExpected: true });
    await page.waitForURL(`${server.url}/login`);
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    await saveScreenshot(page, 'login');

    await page.getByLabel('用户名').fill(ADMIN.username);
    await page.getByLabel('密码').fill('not the password');
    await page.getByRole('button', { name: '登录' }).click();
    await expect.poll(async () => page.getByTestId('login-message').textContent()).toBe('用户名或密码错误');
    expect(page.url()).toBe(`${server.url}/login`);
    await saveScreenshot(page, 'login-failed');

    await page.getByLabel('密码').fill(ADMIN.password);
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL(`${server.url}/`);
    await page.getByTestId('status').getByText('暂无区域数据').waitFor();
    await expect.poll(async () => page.getByTestId('account').textContent()).toContain('admin · 管理员');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('signs out: the session ends on the server and the page goes back to the sign-in page', async () => {
    const token = await server.login(ADMIN.username, ADMIN.password);
    const { page, problems } = await openPage(`/?token=${token}`, { unauthenticatedExpected: true });
    await page.getByTestId('account').getByRole('button', { name: '退出登录' }).click();
    await page.waitForURL(`${server.url}/login`);
    const me = async () => (await fetch(`${server.url}/api/v1/auth/me`, { headers: { authorization: `Bearer ${token}` } })).status;
    await expect.poll(me).toBe(401);
    // The tab forgot the token: the map asks for a sign-in again.
    await page.goto(`${server.url}/`);
    await page.waitForURL(`${server.url}/login`);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('tells someone who failed to sign in too often how many seconds to wait', async () => {
    const username = 'someone-guessing';
    // The server allows ten failures per username in 15 minutes; the eleventh attempt has to wait.
    for (let attempt = 0; attempt < 10; attempt++) {
      const response = await fetch(`${server.url}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password: `guess ${attempt}` }),
      });
      expect(response.status).toBe(401);
    }
    const { page, problems } = await openPage('/login', { unauthenticatedExpected: true });
    await page.getByLabel('用户名').fill(username);
    await page.getByLabel('密码').fill('one more guess');
    await page.getByRole('button', { name: '登录' }).click();
    await expect.poll(async () => page.getByTestId('login-message').textContent()).toMatch(/^失败次数过多，请 \d+ 秒后再试$/);
    await saveScreenshot(page, 'login-rate-limited');
    expect(problems).toEqual([
      `HTTP 429: ${server.url}/api/v1/auth/login`,
      'console: Failed to load resource: the server responded with a status of 429 (Too Many Requests)',
    ]);
    await page.close();
  });

  it('shows an empty territory as "no areas" in Chinese, without a single console error, and takes the token out of the address bar', async () => {
    const { page, problems } = await openPage(`/?token=${adminToken}`);
    await page.getByTestId('status').getByText('暂无区域数据').waitFor();
    expect(page.url()).toBe(`${server.url}/`);
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    await saveScreenshot(page, 'monitoring-empty');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('draws the micro-grids the server holds from its vector tiles, in the no-data grey, with their name and whole outline on hover', async () => {
    for (const area of tinyTerritory()) await server.postJson('/api/v1/areas', area);
    const { page, problems, apiRequests } = await openPage(`/?token=${adminToken}`);
    await page.locator('[data-testid="area-map"][data-areas="4"]').waitFor();
    await expect.poll(async () => near(await pixelAt(page, INSIDE_MG_1.x, INSIDE_MG_1.y), NO_DATA_ON_SCREEN, 8), { timeout: 20_000 }).toBe(true);
    const paths = apiRequests.map((url) => new URL(url));
    expect(paths.some((url) => url.pathname.startsWith('/api/v1/area-tiles/'))).toBe(true);
    // The page asks for names and parents only; no coordinate of an area reaches it but through tiles.
    const listings = paths.filter((url) => url.pathname === '/api/v1/areas.geojson');
    expect(listings.length).toBeGreaterThan(0);
    expect(listings.every((url) => url.searchParams.get('geometry') === 'none')).toBe(true);
    await page.mouse.move(INSIDE_MG_1.x, INSIDE_MG_1.y);
    await expect.poll(async () => page.getByTestId('hover-card').textContent()).toContain('1-1微网格');
    // A tile holds only its piece of an area: the thick outline is drawn from the area's whole outline.
    await expect.poll(() => apiRequests.some((url) => new URL(url).pathname === '/api/v1/areas/mg-1')).toBe(true);
    await saveScreenshot(page, 'monitoring-microgrids');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('opens / with the wall token as a counts-only view, switches every label to English and keeps both across a reload', async () => {
    const { page, problems } = await openPage(`/?token=${server.wallToken}`);
    await expect.poll(async () => page.getByTestId('account').textContent()).toContain('大屏');
    await page.getByTestId('locale-switch').click();
    await page.getByTestId('status').getByText('No rounds yet').waitFor();
    await page.reload();
    await page.getByTestId('status').getByText('No rounds yet').waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en-GB');
    expect(await page.getByTestId('account').textContent()).toContain('wall display');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('opens /wall?token= as a deep link: dark, with the map, tiles, a clock and a badge saying no count has come yet', async () => {
    const { page, problems } = await openPage(`/wall?token=${server.wallToken}`);
    await page.locator('[data-testid="area-map"][data-areas="4"]').waitFor();
    expect(page.url()).toBe(`${server.url}/wall`);
    // No round exists, so no count has ever arrived: the badge must not claim the data is live.
    await expect.poll(async () => page.getByTestId('freshness').getAttribute('data-freshness')).toBe('never');
    const background = await page.locator('main').evaluate((element) => getComputedStyle(element).backgroundColor);
    expect(background).toBe('rgb(11, 15, 20)');
    expect(await page.getByTestId('credential-missing').count()).toBe(0);
    await saveScreenshot(page, 'wall');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('opens /wall without a token on a plain notice that the credential is missing, asking the server for nothing', async () => {
    const { page, problems, apiRequests } = await openPage('/wall');
    await page.getByTestId('credential-missing').getByText('大屏凭证缺失或无效').waitFor();
    expect(page.url()).toBe(`${server.url}/wall`);
    await saveScreenshot(page, 'wall-credential-missing');
    await page.waitForTimeout(1_000);
    expect(apiRequests).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('shows the same notice on /wall with a token the server refuses, and no complaint but those 401s', async () => {
    const { page, problems, apiRequests } = await openPage('/wall?token=not-the-wall-token-at-all', { unauthenticatedExpected: true });
    await page.getByTestId('credential-missing').getByText('大屏凭证缺失或无效').waitFor();
    expect(page.url()).toBe(`${server.url}/wall`);
    expect(apiRequests.length).toBeGreaterThan(0);
    // Refused once, the wall stops asking (the rounds were asked for every 5 s): a display left like this for a weekend does not hammer the server.
    const askedSoFar = apiRequests.length;
    await page.waitForTimeout(6_000);
    expect(apiRequests.length).toBe(askedSoFar);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('drills from a grid down to its micro-grids by a click on the map and back up through the breadcrumb', async () => {
    const { page, problems } = await openPage(`/?token=${adminToken}`);
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
    for (const building of buildings) await server.postJson('/api/v1/buildings', building);
    for (const household of households) await server.postJson('/api/v1/households', household);
    const roundStart = Date.now() - 3_600_000;
    await server.postJson('/api/v1/rounds', { id: 'r-1', name: '11-29 全员核酸', templateId: 'nucleic-acid', rulesId: 'nucleic-acid-default', areaId: 'city-1', startsAt: roundStart });

    const { page, problems } = await openPage(`/?token=${adminToken}`);
    await page.locator('[data-testid="area-map"][data-areas="4"]').waitFor();
    await expect.poll(async () => near(await pixelAt(page, INSIDE_MG_1.x, INSIDE_MG_1.y), RED_ON_SCREEN, 8), { timeout: 20_000 }).toBe(true);
    await saveScreenshot(page, 'monitoring-before-sweep');

    await server.postJson('/api/v1/events', { events: visitEveryHousehold('r-1', households, roundStart + 60_000) });
    await expect.poll(async () => near(await pixelAt(page, INSIDE_MG_1.x, INSIDE_MG_1.y), GREEN_ON_SCREEN, 8), { timeout: 20_000 }).toBe(true);
    await saveScreenshot(page, 'monitoring-after-sweep');

    // One level up, a click drills into the grid: the panel explains its coverage and says none of its micro-grids lags.
    await page.getByLabel('层级').selectOption('grid');
    await page.locator('[data-testid="area-map"][data-areas="1"]').waitFor();
    await clickToDrill(page, INSIDE_MG_1, '第1网格');
    await page.locator('[data-testid="area-map"][data-areas="4"]').waitFor();
    const panel = page.getByTestId('side-panel');
    await expect.poll(async () => panel.getByTestId('figure-coverage').textContent()).toContain('100%');
    // Its one micro-grid with households is swept and the rest have none: nothing lags.
    await expect.poll(async () => panel.getByTestId('lagging').textContent()).toContain('全部达标');
    await saveScreenshot(page, 'monitoring-grid-panel');
    expect(problems).toEqual([]);
    await page.close();
  });

  it("starts a commander of one grid at that grid, not at the round's city it may not see, with live counts and no level above it", async () => {
    const commander = { username: 'grid-commander', password: 'grid-commander-pw' };
    await server.postJson('/api/v1/users', { ...commander, displayName: '第1网格指挥', role: 'commander', scope: { kind: 'areas', areaIds: ['grid-1'] } });
    const { page, problems } = await openPage(`/?token=${await server.login(commander.username, commander.password)}`);
    await page.locator('[data-testid="area-map"][data-areas="4"]').waitFor();
    const breadcrumb = page.getByRole('navigation', { name: 'breadcrumb' });
    await expect.poll(async () => breadcrumb.getByRole('button').first().textContent()).toBe('第1网格');
    const panel = page.getByTestId('side-panel');
    await panel.getByRole('heading', { name: '第1网格' }).waitFor();
    // The grid's own counts come over the socket: a subscription out of scope would have been refused.
    await expect.poll(async () => panel.getByTestId('figure-coverage').textContent(), { timeout: 20_000 }).toContain('100%');
    await page.getByTestId('status').getByText('实时更新').waitFor();
    expect(await page.getByLabel('层级').locator('option').allTextContents()).toEqual(['网格', '微网格']);
    await expect.poll(async () => near(await pixelAt(page, INSIDE_MG_1.x, INSIDE_MG_1.y), GREEN_ON_SCREEN, 8), { timeout: 20_000 }).toBe(true);
    await saveScreenshot(page, 'monitoring-grid-commander');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('sends a user back to the sign-in page, saying the session ended, as soon as an administrator revokes them', async () => {
    const account = { username: 'revoked-commander', password: 'revoked-commander-pw' };
    const user = (await server.postJson('/api/v1/users', { ...account, displayName: '将被撤销', role: 'commander', scope: { kind: 'everything' } })) as { id: string };
    const { page, problems } = await openPage(`/?token=${await server.login(account.username, account.password)}`, { unauthenticatedExpected: true });
    await expect.poll(async () => page.getByTestId('account').textContent()).toContain('revoked-commander');
    await page.getByTestId('status').getByText('实时更新').waitFor();
    // A round exists by now, so the page polls nothing: it notices because the server closes its socket.
    await server.postJson(`/api/v1/users/${user.id}/revoke`, {});
    await page.waitForURL(`${server.url}/login`, { timeout: 20_000 });
    await expect.poll(async () => page.getByTestId('login-message').textContent()).toBe('登录已失效，请重新登录');
    expect(problems).toEqual([]);
    await page.close();
  });
});
