import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserSkipReason, launchChromium } from '../support/chromium.js';
import { startGridsweepServer, type RunningServer } from '../support/gridsweep-server.js';
import { watchPageProblems } from '../support/page-problems.js';
import { saveScreenshot } from '../support/screenshots.js';
import { recordDoor, seedSweep, signInAsWorker } from './sweep-fixture.js';

const skipReason = browserSkipReason();
const PHONES = [
  { width: 360, height: 640 },
  { width: 390, height: 844 },
] as const;

/** Every button and field of the page smaller than a fingertip (44 × 44 CSS px), and anything wider than the screen. */
async function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const width = document.documentElement.clientWidth;
    for (const element of document.querySelectorAll<HTMLElement>('[data-testid="sweep-page"] button, [data-testid="sweep-page"] input, [data-testid="sweep-page"] select')) {
      const box = element.getBoundingClientRect();
      if (box.width === 0 && box.height === 0) continue;
      const name = `${element.tagName.toLowerCase()} "${(element.textContent ?? '').trim().slice(0, 20)}"`;
      if (box.height < 44 || box.width < 44) problems.push(`${name} is ${Math.round(box.width)}×${Math.round(box.height)}`);
      // The floor grid scrolls sideways inside its own box; nothing else may reach past the screen.
      if (!element.closest('.scroller') && box.right > width + 0.5) problems.push(`${name} reaches ${Math.round(box.right)} px of ${width}`);
    }
    if (document.documentElement.scrollWidth > width) problems.push(`the page is ${document.documentElement.scrollWidth} px wide on a ${width} px screen`);
    return problems;
  });
}

describe.skipIf(skipReason !== null)(`the sweep page on small phones, in Chromium${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startGridsweepServer();
    browser = await launchChromium();
    await seedSweep(server);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  for (const phone of PHONES) {
    it(`fits ${phone.width}×${phone.height}: every target a fingertip wide, nothing past the screen, in each view`, async () => {
      const context = await browser.newContext({ viewport: phone, hasTouch: true, isMobile: true, locale: 'zh-CN' });
      const page = await context.newPage();
      const problems = watchPageProblems(page);
      const size = `${phone.width}x${phone.height}`;
      await signInAsWorker(page, server.url);
      await page.getByTestId('sweep-microgrid').first().waitFor();
      expect(await layoutProblems(page)).toEqual([]);
      await saveScreenshot(page, `sweep-microgrids-${size}`);

      await page.getByTestId('sweep-microgrid').first().tap();
      await page.getByTestId('sweep-building').first().waitFor();
      expect(await layoutProblems(page)).toEqual([]);
      await saveScreenshot(page, `sweep-buildings-${size}`);

      await page.locator('[data-testid="sweep-building"][data-building-id="sb-1"]').tap();
      await page.getByTestId('sweep-floor-grid').waitFor();
      await recordDoor(page, 'sb-1-1-301', 'quick');
      await recordDoor(page, 'sb-1-2-302', 'no_answer');
      await recordDoor(page, 'sb-1-1-202', 'refused');
      expect(await layoutProblems(page)).toEqual([]);
      await saveScreenshot(page, `sweep-floors-${size}`);

      await page.locator('[data-testid="sweep-door"][data-household-id="sb-1-1-101"]').tap();
      await page.getByTestId('sweep-sheet').waitFor();
      await page.getByTestId('sweep-quick-fill').tap();
      expect(await layoutProblems(page)).toEqual([]);
      await saveScreenshot(page, `sweep-household-${size}`);
      // The roster controls: 迁出 on each member, and the form that adds one.
      await page.getByTestId('sweep-member').first().getByTestId('sweep-move-out').tap();
      await page.getByTestId('sweep-move-out-confirm').waitFor();
      await page.getByTestId('sweep-add-member').tap();
      await page.getByTestId('sweep-add-member-form').scrollIntoViewIfNeeded();
      expect(await layoutProblems(page)).toEqual([]);
      await saveScreenshot(page, `sweep-household-roster-${size}`);
      expect(problems).toEqual([]);
      await context.close();
    });
  }
});
