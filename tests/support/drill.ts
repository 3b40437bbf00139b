import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/**
 * Clicks a point of the monitoring page's map until the breadcrumb ends at
 * the area named, that is until the click drilled into it. The map may still
 * be drawing the view before when a click lands, and a click on that is
 * ignored; the breadcrumb is read before each click, so a click never goes one
 * level too far.
 */
export async function clickToDrill(page: Page, at: { x: number; y: number }, name: string): Promise<void> {
  const lastStep = page.getByRole('navigation', { name: 'breadcrumb' }).getByRole('button').last();
  await expect
    .poll(
      async () => {
        if ((await lastStep.textContent()) !== name) await page.mouse.click(at.x, at.y);
        return lastStep.textContent();
      },
      { timeout: 20_000 },
    )
    .toBe(name);
  await page.getByTestId('side-panel').getByRole('heading', { name }).waitFor();
}
