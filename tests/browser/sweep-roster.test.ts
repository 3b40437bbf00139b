import { uuidV7, type AreaCounts } from '@gridsweep/core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserSkipReason, CHROMIUM_FLAGS, CHROMIUM_PATH } from '../support/chromium.js';
import { ADMIN, startGridsweepServer, type RunningServer } from '../support/gridsweep-server.js';
import { saveScreenshot } from '../support/screenshots.js';
import { seedSweep, signInAsWorker, SWEEP_ROUND } from './sweep-fixture.js';

const skipReason = browserSkipReason();
const PHONE = { width: 390, height: 844 };
const SECOND_WORKER = { username: 'worker-mg1-b', password: 'sweep-worker-password-2', displayName: '网格员小陈' } as const;

/** A phone's browser with its profile on disk: closing it and opening it again on the same folder is the phone restarting the browser. */
function openPhone(profile: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    args: [...CHROMIUM_FLAGS],
    headless: true,
    viewport: PHONE,
    hasTouch: true,
    isMobile: true,
    locale: 'zh-CN',
  });
}

describe.skipIf(skipReason !== null)(`a field worker changing the roster at the door, offline and across a browser restart, in Chromium${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  let server: RunningServer;
  let profile: string;
  let phone: BrowserContext | undefined;

  beforeAll(async () => {
    server = await startGridsweepServer();
    await seedSweep(server);
    await server.postJson('/api/v1/users', { ...SECOND_WORKER, role: 'worker', scope: { kind: 'areas', areaIds: ['mg-1'] } });
    profile = mkdtempSync(join(tmpdir(), 'gridsweep-phone-'));
  });

  afterAll(async () => {
    await phone?.close();
    await server?.stop();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  const asAdmin = async (path: string) => {
    const token = await server.login(ADMIN.username, ADMIN.password);
    const response = await fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
    expect(response.status).toBe(200);
    return response.json() as Promise<unknown>;
  };
  const counts = async () => ((await asAdmin(`/api/v1/rounds/${SWEEP_ROUND}/areas/mg-1/counts`)) as { counts: AreaCounts }).counts;
  const membersOf = async (householdId: string) =>
    ((await asAdmin(`/api/v1/households/${householdId}?roundId=${SWEEP_ROUND}`)) as { household: { members: { id: string; name: string }[] } }).household.members;
  const door = (page: Page, id: string) => page.locator(`[data-testid="sweep-door"][data-household-id="${id}"]`);
  const sheetMember = (page: Page, name: string) => page.getByTestId('sweep-member').filter({ hasText: name });

  async function openDoor(page: Page, id: string) {
    await door(page, id).tap();
    await page.getByTestId('sweep-sheet').waitFor();
  }

  async function moveOut(page: Page, name: string) {
    await sheetMember(page, name).getByTestId('sweep-move-out').tap();
    await sheetMember(page, name).getByTestId('sweep-move-out-confirm').tap();
    await sheetMember(page, name).waitFor({ state: 'detached' });
  }

  async function saveQuick(page: Page, id: string) {
    await page.getByTestId('sweep-quick-fill').tap();
    await page.getByTestId('sweep-save').tap();
    await page.getByTestId('sweep-sheet').waitFor({ state: 'detached' });
    await door(page, id).and(page.locator('[data-state="visited"]')).waitFor();
  }

  it("adds a member and marks two moved out offline, keeps them through a browser restart, and the counts follow once online; another worker's later record shows who and when", async () => {
    const before = await counts();
    phone = await openPhone(profile);
    let page = phone.pages()[0] ?? (await phone.newPage());
    await signInAsWorker(page, server.url);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 });
    await page.getByTestId('sweep-download').tap();
    await page.getByTestId('sweep-download-state').filter({ hasText: /^离线数据 \d/ }).waitFor();
    await page.getByTestId('sweep-microgrid').first().tap();
    await page.locator('[data-testid="sweep-building"][data-building-id="sb-1"]').tap();
    await page.getByTestId('sweep-floor-grid').waitFor();

    await phone.setOffline(true);
    await page.getByTestId('sweep-offline').waitFor();
    await openDoor(page, 'sb-1-1-101');
    await page.getByTestId('sweep-outcome').locator('[data-option="visited"]').tap();
    await moveOut(page, '李*英');
    await page.getByTestId('sweep-add-member').tap();
    await page.getByTestId('sweep-new-member-name').fill('张小明');
    await page.getByTestId('sweep-new-member-year').fill('2015');
    await page.getByTestId('sweep-new-member-add').tap();
    await sheetMember(page, '张*明').waitFor();
    await saveQuick(page, 'sb-1-1-101');
    await openDoor(page, 'sb-1-1-102');
    await page.getByTestId('sweep-outcome').locator('[data-option="visited"]').tap();
    await moveOut(page, '李*英');
    await saveQuick(page, 'sb-1-1-102');
    // Two roster changes to each household's events: 3 changes, 2 household events, 3 member events.
    await page.getByTestId('sweep-pending').filter({ hasText: '8 条待上传' }).waitFor();

    // The phone closes the browser while offline and opens it again, still offline.
    await phone.close();
    phone = await openPhone(profile);
    await phone.setOffline(true);
    page = phone.pages()[0] ?? (await phone.newPage());
    await page.goto(`${server.url}/sweep?mg=mg-1`);
    await page.locator('[data-testid="sweep-building"][data-building-id="sb-1"]').waitFor();
    await page.getByTestId('sweep-pending').filter({ hasText: '8 条待上传' }).waitFor();
    await page.locator('[data-testid="sweep-building"][data-building-id="sb-1"]').tap();
    await door(page, 'sb-1-1-101').and(page.locator('[data-state="visited"]')).waitFor();
    await openDoor(page, 'sb-1-1-101');
    await sheetMember(page, '张*明').waitFor();
    await expect(sheetMember(page, '李*英').count()).resolves.toBe(0);
    await page.getByRole('button', { name: '取消' }).last().tap();

    await phone.setOffline(false);
    await page.getByTestId('sweep-pending').filter({ hasText: '已全部上传' }).waitFor({ timeout: 60_000 });
    const after = await counts();
    expect(after.members).toMatchObject({ total: before.members.total - 1, eligible: before.members.eligible - 1, done: 3 });
    expect((await membersOf('sb-1-1-101')).map((m) => m.name).sort()).toEqual(['张*明', '王*国']);
    expect((await membersOf('sb-1-1-102')).map((m) => m.name)).toEqual(['王*国']);

    // Another worker knocks at 101 later and finds nobody in: the sheet shows their record, by name and time.
    const token = await server.login(SECOND_WORKER.username, SECOND_WORKER.password);
    const event = { id: uuidV7(), deviceTime: Date.now(), roundId: SWEEP_ROUND, workerId: SECOND_WORKER.username, householdId: 'sb-1-1-101', values: { outcome: 'no_answer' } };
    const sent = await fetch(`${server.url}/api/v1/events`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ events: [event] }) });
    expect(sent.status).toBe(200);
    await page.reload();
    await door(page, 'sb-1-1-101').and(page.locator('[data-state="noAnswer"]')).waitFor();
    await openDoor(page, 'sb-1-1-101');
    await expect(page.getByTestId('sweep-last-recorded').textContent()).resolves.toContain('网格员小陈 记录于');
    await saveScreenshot(page, 'sweep-roster-who-390x844');

    // Signing out wipes what the phone kept of the worker's micro-grids, and the session with it.
    await page.getByRole('button', { name: '取消' }).last().tap();
    await page.getByTestId('sweep-sign-out').tap();
    await page.waitForURL(`${server.url}/login`);
    const kept = await page.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open('gridsweep-field');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(new Error(String(open.error)));
      });
      const count = (store: string) =>
        new Promise<number>((resolve) => {
          const request = db.transaction(store).objectStore(store).count();
          request.onsuccess = () => resolve(request.result);
        });
      return { cache: await count('cache'), local: await count('local'), roster: await count('roster'), token: localStorage.getItem('gridsweep.device-token') };
    });
    expect(kept).toEqual({ cache: 0, local: 0, roster: 0, token: null });
  }, 300_000);
});
