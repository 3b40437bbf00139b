import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserSkipReason, launchChromium } from '../support/chromium.js';
import { startGridsweepServer, type RunningServer } from '../support/gridsweep-server.js';
import { watchPageProblems } from '../support/page-problems.js';
import { seedRound, tinyRoster } from './territory-fixture.js';

const skipReason = browserSkipReason();

describe.skipIf(skipReason !== null)(`the wall's credential in its first address, in Chromium${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startGridsweepServer();
    browser = await launchChromium();
    await seedRound(server, tinyRoster(), { id: 'r-1', startsAt: Date.now() - 60_000 });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('goes out in no Referer of any request the wall page makes, and the page draws its map under the security policy', async () => {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    const problems = watchPageProblems(page);
    const leaks: string[] = [];
    let requests = 0;
    page.on('request', (request) => {
      requests++;
      const referer = request.headers().referer;
      // Chromium reports a withheld Referer as an empty one.
      if (referer !== undefined && referer !== '') leaks.push(`${request.url()} <- ${referer}`);
    });
    await page.goto(`${server.url}/wall?token=${server.wallToken}`);
    await page.locator('[data-testid="area-map"][data-areas="4"]').waitFor({ timeout: 30_000 });
    await expect.poll(async () => page.getByTestId('freshness').getAttribute('data-freshness'), { timeout: 20_000 }).toBe('fresh');
    expect(requests).toBeGreaterThan(3);
    expect(leaks).toEqual([]);
    // A script, worker or tile the policy blocked would show here as a console error.
    expect(problems).toEqual([]);
    await page.close();
  });
});
