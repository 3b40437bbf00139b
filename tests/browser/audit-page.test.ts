import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserSkipReason, launchChromium } from '../support/chromium.js';
import { ADMIN, startGridsweepServer, type RunningServer } from '../support/gridsweep-server.js';
import { watchPageProblems } from '../support/page-problems.js';
import { saveScreenshot } from '../support/screenshots.js';
import { seedRound, tinyRoster } from './territory-fixture.js';

const skipReason = browserSkipReason();

describe.skipIf(skipReason !== null)(`the audit page in Chromium${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  let server: RunningServer;
  let browser: Browser;
  let adminToken: string;
  const roster = tinyRoster();
  const members = roster.households.flatMap((household) => [1, 2].map((n) => ({ id: `${household.id}-m${n}`, householdId: household.id, name: `住户${n}`, phone: '13800000000', tags: [] })));

  async function supervisor(username: string): Promise<string> {
    await server.postJson('/api/v1/users', { username, displayName: username, role: 'supervisor', scope: { kind: 'areas', areaIds: ['grid-1'] }, password: `${username}-password-1` });
    return server.login(username, `${username}-password-1`);
  }

  async function reveal(token: string, memberId: string, purpose: string): Promise<void> {
    const response = await fetch(`${server.url}/api/v1/members/${memberId}/reveal`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ purpose, reason: '上门采样前核对联系方式' }),
    });
    expect(response.status).toBe(200);
  }

  beforeAll(async () => {
    server = await startGridsweepServer();
    browser = await launchChromium();
    adminToken = await server.login(ADMIN.username, ADMIN.password);
    await seedRound(server, roster, { id: 'r-1', startsAt: Date.now() - 3_600_000 });
    for (const member of members) await server.postJson('/api/v1/members', member);
    // 16 reveals in the limit's 10 minutes: past three quarters of the 20 allowed.
    const busy = await supervisor('busy-sup');
    for (const member of [...members, ...members]) await reveal(busy, member.id, 'other');
    const calm = await supervisor('calm-sup');
    await reveal(calm, members[0]!.id, 'home_visit');
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  for (const viewport of [
    { width: 1280, height: 800 },
    { width: 390, height: 844 },
  ]) {
    it(`shows an administrator at ${viewport.width}x${viewport.height} the user who revealed a lot highlighted, in words as well as colour, and filters entries by action`, async () => {
      const page = await browser.newPage({ viewport });
      const problems = watchPageProblems(page);
      await page.goto(`${server.url}/audit?token=${adminToken}`);
      const busyRow = page.locator('[data-testid="audit-rate"][data-actor="busy-sup"]');
      await busyRow.waitFor();
      expect(await busyRow.getAttribute('data-unusual')).toBe('true');
      expect(await busyRow.textContent()).toContain('异常');
      expect(await busyRow.textContent()).toContain('接近限额');
      expect(await busyRow.evaluate((row) => getComputedStyle(row).backgroundColor)).not.toBe(
        await page.locator('[data-testid="audit-rate"][data-actor="calm-sup"]').evaluate((row) => getComputedStyle(row).backgroundColor),
      );
      const calmRow = page.locator('[data-testid="audit-rate"][data-actor="calm-sup"]');
      expect(await calmRow.getAttribute('data-unusual')).toBe('false');
      expect(await calmRow.textContent()).not.toContain('异常');
      // The unusual user comes first, and the table names counts, people and purposes.
      expect(await page.locator('[data-testid="audit-rate"]').first().getAttribute('data-actor')).toBe('busy-sup');
      expect(await busyRow.textContent()).toMatch(/16\s*8\s*0\s*其他 16/);

      await page.locator('[data-testid="audit-action"]').selectOption('member.reveal');
      await page.waitForFunction(() => {
        const rows = [...document.querySelectorAll('[data-testid="audit-entry"]')];
        return rows.length === 17 && rows.every((row) => row.getAttribute('data-action') === 'member.reveal');
      });
      // Nothing wider than the screen but the tables, which scroll on their own.
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      await saveScreenshot(page, `audit-page-${viewport.width}x${viewport.height}`);
      expect(problems).toEqual([]);
      await page.close();
    });
  }
});
