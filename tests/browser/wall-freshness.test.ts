import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserSkipReason, launchChromium } from '../support/chromium.js';
import { startGridsweepServer, type RunningServer } from '../support/gridsweep-server.js';
import { saveScreenshot } from '../support/screenshots.js';
import { seedRound, tinyRoster, visitEveryHousehold } from './territory-fixture.js';

const skipReason = browserSkipReason();

describe.skipIf(skipReason !== null)(`the wall display when its data stops, in Chromium${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  let server: RunningServer;
  let browser: Browser;
  const roster = tinyRoster();
  const roundStart = Date.now() - 60_000;

  beforeAll(async () => {
    server = await startGridsweepServer();
    browser = await launchChromium();
    await seedRound(server, roster, { id: 'r-1', startsAt: roundStart });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const post = (path: string, body: unknown) => server.postJson(path, body);

  it('says "live" at 4K while counts arrive, turns amber once the server has been gone for 10 s, and is live again when it is back', async () => {
    const page = await browser.newPage({ viewport: { width: 3840, height: 2160 } });
    await page.goto(`${server.url}/wall?token=${server.wallToken}`);
    const badge = page.getByTestId('freshness');
    await expect.poll(async () => badge.getAttribute('data-freshness'), { timeout: 20_000 }).toBe('fresh');
    await page.locator('[data-testid="area-map"][data-areas="4"]').waitFor();
    await saveScreenshot(page, 'wall-4k');

    await server.halt();
    await expect.poll(async () => badge.getAttribute('data-freshness'), { timeout: 30_000, interval: 1_000 }).toBe('stale');
    expect(await badge.textContent()).toContain('数据延迟');
    await saveScreenshot(page, 'wall-stale');

    // socket.io reconnects by itself and the shared client resumes; nobody touches the page.
    await server.restart();
    await expect.poll(async () => badge.getAttribute('data-freshness'), { timeout: 30_000, interval: 1_000 }).toBe('fresh');
    // And the resumed subscription carries new counts: doors knocked now reach the tiles.
    const total = roster.households.length;
    await expect.poll(async () => page.getByTestId('tile-households').textContent()).toContain(`0 / ${total}`);
    await post('/api/v1/events', { events: visitEveryHousehold('r-1', roster.households, roundStart + 1_000) });
    await expect.poll(async () => page.getByTestId('tile-households').textContent(), { timeout: 20_000 }).toContain(`${total} / ${total}`);
    await page.close();
  });

  it('turns amber when the data stops while the socket stays up (a hung server), and is live again when it goes on', async () => {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await page.goto(`${server.url}/wall?token=${server.wallToken}`);
    const badge = page.getByTestId('freshness');
    await expect.poll(async () => badge.getAttribute('data-freshness'), { timeout: 20_000 }).toBe('fresh');
    server.freeze();
    try {
      // No delta and no heartbeat arrive, but socket.io has not yet given up on the connection.
      await expect.poll(async () => badge.getAttribute('data-freshness'), { timeout: 30_000, interval: 500 }).toBe('stale');
      expect(await page.locator('main.wall').getAttribute('data-socket')).toBe('up');
    } finally {
      server.thaw();
    }
    await expect.poll(async () => badge.getAttribute('data-freshness'), { timeout: 30_000, interval: 500 }).toBe('fresh');
    await page.close();
  });
});
