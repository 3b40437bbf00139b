import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserSkipReason, launchChromium } from '../support/chromium.js';
import { ADMIN, startGridsweepServer, type RunningServer } from '../support/gridsweep-server.js';
import { watchPageProblems } from '../support/page-problems.js';
import { seedRound, tinyRoster, visitEveryHousehold } from './territory-fixture.js';

const skipReason = browserSkipReason();

describe.skipIf(skipReason !== null)(`the reports page in Chromium${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  let server: RunningServer;
  let browser: Browser;
  let adminToken: string;
  const roster = tinyRoster();

  beforeAll(async () => {
    server = await startGridsweepServer();
    browser = await launchChromium();
    adminToken = await server.login(ADMIN.username, ADMIN.password);
    const startsAt = Date.now() - 3_600_000;
    await seedRound(server, roster, { id: 'r-1', startsAt });
    // Three of the four doors: the mop-up list has one left.
    await server.postJson('/api/v1/events', { events: visitEveryHousehold('r-1', roster.households.slice(0, 3), startsAt + 1_000) });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** Clicks download and answers the file the browser saved, under the name it was given. */
  async function download(page: Page): Promise<{ name: string; text: string; bytes: Buffer }> {
    const [saved] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid="reports-download"]').click()]);
    const bytes = await readFile(await saved.path());
    return { name: saved.suggestedFilename(), text: bytes.toString('utf8'), bytes };
  }

  it('picks a round, walks down to an area and downloads its daily report and its mop-up list, named in Chinese', async () => {
    const context = await browser.newContext({ acceptDownloads: true });
    const page = await context.newPage();
    const problems = watchPageProblems(page);
    await page.goto(`${server.url}/reports?token=${adminToken}`);
    await page.locator('[data-testid="reports-round"] option', { hasText: '11-29 全员核酸' }).waitFor({ state: 'attached' });
    await page.locator('[data-testid="reports-area"][data-area-id="city-1"]').waitFor();
    await page.locator('[data-testid="reports-child"]').selectOption('district-1');
    await page.locator('[data-testid="reports-area"][data-area-id="district-1"]').waitFor();

    await page.locator('input[name="format"][value="csv"]').check();
    const report = await download(page);
    expect(report.name).toMatch(/^11-29 全员核酸-鼓楼区-统计报表-\d{4}-\d{2}-\d{2}\.csv$/);
    expect([...report.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = report.text.slice(1).trimEnd().split('\r\n').map((line) => line.split(','));
    const header = lines[0]!;
    const totals = lines[lines.length - 1]!;
    expect(totals[2]).toBe('合计（鼓楼区）');
    expect(totals[header.indexOf('已入户')]).toBe('3');
    expect(totals[header.indexOf('覆盖率')]).toBe('75.0%');
    await page.locator('[data-testid="reports-outcome"]', { hasText: report.name }).waitFor();

    await page.locator('input[name="kind"][value="not-visited"]').check();
    await page.locator('input[name="format"][value="xlsx"]').check();
    const mopUp = await download(page);
    expect(mopUp.name).toMatch(/^11-29 全员核酸-鼓楼区-未入户清单-\d{4}-\d{2}-\d{2}\.xlsx$/);
    expect(mopUp.bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('offers a counts-only account the daily report alone', async () => {
    await server.postJson('/api/v1/users', { username: 'commander-1', displayName: '指挥员', role: 'commander', scope: { kind: 'everything' }, password: 'commander-password-1' });
    const token = await server.login('commander-1', 'commander-password-1');
    const page = await browser.newPage();
    await page.goto(`${server.url}/reports?token=${token}`);
    await page.locator('[data-testid="reports-area"][data-area-id="city-1"]').waitFor();
    expect(await page.locator('input[name="kind"]').count()).toBe(1);
    expect(await page.locator('input[name="reveal"]').count()).toBe(0);
    await page.close();
  });
});
