import { uuidV7, type AreaCounts, type SweepEvent } from '@gridsweep/core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserSkipReason, launchChromium } from '../support/chromium.js';
import { ADMIN, startGridsweepServer, type RunningServer } from '../support/gridsweep-server.js';
import { seedSweep, signInAsWorker, SWEEP_ROUND, SWEEP_WORKER } from './sweep-fixture.js';

const skipReason = browserSkipReason();

describe.skipIf(skipReason !== null)(`what the sweep page refuses and is refused, in Chromium${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startGridsweepServer();
    browser = await launchChromium();
    await seedSweep(server);
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, locale: 'zh-CN' });
    page = await context.newPage();
    await signInAsWorker(page, server.url);
    await page.getByTestId('sweep-microgrid').first().waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function get(path: string, token: string): Promise<Response> {
    return fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
  }

  it("downloads only the worker's own micro-grid, and a building of another micro-grid opened by its address shows nothing of it", async () => {
    await page.getByTestId('sweep-download').tap();
    await page.getByTestId('sweep-download-state').filter({ hasText: /^离线数据 \d/ }).waitFor();
    const kept = await page.evaluate(
      () =>
        new Promise<string>((resolve, reject) => {
          const open = indexedDB.open('gridsweep-field');
          open.onerror = () => reject(new Error('no database'));
          open.onsuccess = () => {
            const all = open.result.transaction('cache').objectStore('cache').getAll();
            all.onsuccess = () => resolve(JSON.stringify(all.result));
          };
        }),
    );
    expect(kept).toContain('sb-1-1-101');
    expect(kept).toContain('sb-2-1-101');
    expect(kept).not.toMatch(/mg-2|sb-9/);

    await page.goto(`${server.url}/sweep?mg=mg-2&b=sb-9`);
    await page.getByRole('alert').filter({ hasText: '数据加载失败' }).waitFor();
    await expect(page.getByTestId('sweep-door').count()).resolves.toBe(0);
    // And the API calls the page makes answer the same to the worker's own token.
    const token = await server.login(SWEEP_WORKER.username, SWEEP_WORKER.password);
    expect((await get(`/api/v1/buildings/sb-9/households?roundId=${SWEEP_ROUND}`, token)).status).toBe(404);
    expect((await get(`/api/v1/rounds/${SWEEP_ROUND}/areas/mg-2/buildings`, token)).status).toBe(404);
  });

  it('shows the worker an event the server holds with other content (409), keeps it out of the queue and out of the counts', async () => {
    const token = await server.login(SWEEP_WORKER.username, SWEEP_WORKER.password);
    const me = (await (await get('/api/v1/auth/me', token)).json()) as { id: string };
    const stored: SweepEvent = { id: uuidV7(), deviceTime: Date.now(), roundId: SWEEP_ROUND, workerId: me.id, householdId: 'sb-1-1-101', values: { outcome: 'visited' } };
    const sent = await fetch(`${server.url}/api/v1/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ events: [stored] }),
    });
    expect(sent.status).toBe(200);
    // The same id with other content in the phone's queue, as a restored backup or a faulty device would have it.
    await page.goto(`${server.url}/sweep?mg=mg-1&b=sb-1`);
    await page.getByTestId('sweep-floor-grid').waitFor();
    await page.evaluate(async (event) => {
      await new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('gridsweep-field');
        open.onerror = () => reject(new Error('no database'));
        open.onsuccess = () => {
          const tx = open.result.transaction('outbox', 'readwrite');
          tx.objectStore('outbox').add({ event, queuedAt: Date.now() });
          tx.oncomplete = () => resolve();
        };
      });
      dispatchEvent(new Event('online'));
    }, { ...stored, values: { outcome: 'refused' } });
    await page.getByTestId('sweep-held').filter({ hasText: '1 条记录与服务器冲突' }).waitFor();
    await page.getByTestId('sweep-pending').filter({ hasText: '已全部上传' }).waitFor();

    const admin = await server.login(ADMIN.username, ADMIN.password);
    const counts = ((await (await get(`/api/v1/rounds/${SWEEP_ROUND}/areas/mg-1/counts`, admin)).json()) as { counts: AreaCounts }).counts;
    expect(counts.households).toMatchObject({ visited: 1, refused: 0 });
  });

  it('wipes the door lists kept on the phone when the worker signs out', async () => {
    const kept = () =>
      page.evaluate(
        () =>
          new Promise<number>((resolve) => {
            const open = indexedDB.open('gridsweep-field');
            open.onsuccess = () => {
              const count = open.result.transaction('cache').objectStore('cache').count();
              count.onsuccess = () => {
                open.result.close();
                resolve(count.result);
              };
            };
          }),
      );
    expect(await kept()).toBeGreaterThan(0);
    await page.getByTestId('sweep-sign-out').tap();
    await page.waitForURL(`${server.url}/login`);
    expect(await kept()).toBe(0);
  });
});
