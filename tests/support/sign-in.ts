import type { Page } from 'playwright-core';

/**
 * Signs in through the dashboard's own sign-in page, as a person would, and
 * waits until it has taken them to the monitoring page.
 */
export async function signInThroughPage(page: Page, baseUrl: string, username: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForURL(`${baseUrl}/`);
}
