import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserSkipReason, launchChromium } from '../support/chromium.js';
import { ADMIN, startGridsweepServer, type RunningServer } from '../support/gridsweep-server.js';
import { watchPageProblems } from '../support/page-problems.js';
import { saveScreenshot } from '../support/screenshots.js';
import { seedRound, tinyRoster } from './territory-fixture.js';

const skipReason = browserSkipReason();

const GOOD = '楼栋,单元,房号,姓名,手机号,特殊人群\n1号楼,1,101,林秀英,13900000001,独居老人\n1号楼,1,301,陈建国,13900000002,\n';
const BAD = GOOD + '1号楼,1,302,王芳,call me,\n';

describe.skipIf(skipReason !== null)(`the /import page in Chromium${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  let server: RunningServer;
  let browser: Browser;
  let adminToken: string;

  beforeAll(async () => {
    server = await startGridsweepServer();
    browser = await launchChromium();
    adminToken = await server.login(ADMIN.username, ADMIN.password);
    await seedRound(server, tinyRoster(), { id: 'r-1', startsAt: Date.now() });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('uploads a roster, shows the preview with the problem row highlighted, and imports the corrected file on confirm', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const problems = watchPageProblems(page);
    await page.goto(`${server.url}/import?token=${adminToken}`);
    await page.getByLabel('所属区域编号').fill('mg-1');
    const fileInput = page.locator('input[type="file"]');

    await fileInput.setInputFiles({ name: '花名册.csv', mimeType: 'text/csv', buffer: Buffer.from(BAD) });
    await page.getByRole('button', { name: '上传并预览' }).click();
    const problemRow = page.locator('[data-testid="import-problems"] tr.problem');
    await expect.poll(() => problemRow.count(), { timeout: 20_000 }).toBe(1);
    expect(await problemRow.innerText()).toContain('手机号');
    expect(await page.getByRole('button', { name: '确认导入' }).isDisabled()).toBe(true);
    await saveScreenshot(page, 'import-preview-with-problem');

    await fileInput.setInputFiles({ name: '花名册.csv', mimeType: 'text/csv', buffer: Buffer.from(GOOD) });
    await page.getByRole('button', { name: '上传并预览' }).click();
    await page.getByText('预览：尚未写入').waitFor({ timeout: 20_000 });
    await page.getByRole('button', { name: '确认导入' }).click();
    await page.getByText('已导入').waitFor({ timeout: 20_000 });
    await saveScreenshot(page, 'import-committed');
    const answer = await fetch(`${server.url}/api/v1/buildings/b-1/households`, { headers: { authorization: `Bearer ${adminToken}` } });
    const { households } = (await answer.json()) as { households: { room: string; members: unknown[] }[] };
    expect(households.find((h) => h.room === '301')?.members).toHaveLength(1);
    expect(problems).toEqual([]);
  });
});
