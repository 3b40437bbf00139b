// `pnpm bench:sweep`: the field worker's page in headless Chromium with the CPU throttled 4×
// (CDP Emulation.setCPUThrottlingRate), a mid-range phone's speed, against the built server
// and dashboard (`pnpm run build` first). Three JSON lines:
//   sweep-open   a 300-household building opened from the offline copy until its floor grid is
//                painted (median of 5; the phone offline, so nothing comes from the network)
//   sweep-ack    a tap on save until the server's acknowledgement has emptied the queue, while
//                other workers' traffic of 2 000 events/s reaches the same server (30 saves);
//                serverAck*Ms: the same two events posted from Node under the same traffic, the server's share
//   sweep-drain  5 000 events queued offline, from the browser's 'online' until the queue is
//                empty; baselineDrainMs sends the same number of other events one request each,
//                from the same page in the same run
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../support/chromium.js';
import { startGridsweepServer } from '../support/gridsweep-server.js';
import { backgroundTraffic, ROUND, seedBench, towerEvents, TOWER, TOWER_HOUSEHOLDS, WORKER } from './sweep-bench-city.js';

const CPU_THROTTLE = 4;
const OPEN_REPEATS = 5;
const SAVES = 30;
const BACKGROUND_PER_SECOND = 2_000;
const DRAIN_EVENTS = 5_000;

const quantile = (values: number[], q: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
};
const round1 = (value: number): number => Math.round(value * 10) / 10;

/** Clicks a button in the page and answers the ms until `done()` holds and the next frame is painted. */
async function timeInPage(page: Page, selector: string, done: 'grid' | 'queue-empty'): Promise<number> {
  return page.evaluate(
    ({ selector, done, households }) =>
      new Promise<number>((resolve) => {
        const pending = () => document.querySelector('[data-testid="sweep-pending"]')?.textContent ?? '';
        let sawWaiting = false;
        const finished = () => {
          if (done === 'grid') return document.querySelectorAll('[data-testid="sweep-door"]').length >= households;
          if (pending().includes('条待上传')) sawWaiting = true;
          return sawWaiting && pending().includes('已全部上传');
        };
        const observer = new MutationObserver(() => {
          if (!finished()) return;
          observer.disconnect();
          requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - start), 0));
        });
        observer.observe(document.body, { childList: true, subtree: true, characterData: true });
        const start = performance.now();
        (document.querySelector(selector) as HTMLElement).click();
      }),
    { selector, done, households: TOWER_HOUSEHOLDS.length },
  );
}

// The per-account rate limit is off: the baseline's one request per event would be refused by it long before the end.
const server = await startGridsweepServer({ RATE_LIMIT_PER_MINUTE: '0' });
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_FLAGS], headless: true });
try {
  await seedBench(server);
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, locale: 'zh-CN' });
  // tsx keeps function names with a helper, __name, that the functions sent to the page call.
  await context.addInitScript({ content: 'globalThis.__name = (target) => target;' });
  const page = await context.newPage();
  await page.goto(`${server.url}/login`);
  await page.getByLabel('用户名').fill(WORKER.username);
  await page.getByLabel('密码').fill(WORKER.password);
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForURL(`${server.url}/sweep`);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 });
  await page.getByTestId('sweep-download').click();
  await page.getByTestId('sweep-download-state').filter({ hasText: /^离线数据 \d/ }).waitFor();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_THROTTLE });

  // Opening the tower from the copy kept on the phone.
  await page.getByTestId('sweep-microgrid').first().click();
  await page.getByTestId('sweep-building').first().waitFor();
  await context.setOffline(true);
  const opens: number[] = [];
  for (let i = 0; i < OPEN_REPEATS; i++) {
    opens.push(await timeInPage(page, `[data-building-id="${TOWER}"]`, 'grid'));
    await page.getByTestId('sweep-back').click();
    await page.getByTestId('sweep-building').first().waitFor();
  }
  await context.setOffline(false);
  console.log(JSON.stringify({ bench: 'sweep-open', households: TOWER_HOUSEHOLDS.length, cpuThrottle: CPU_THROTTLE, openMs: round1(quantile(opens, 0.5)), runsMs: opens.map(round1) }));

  // Saving while other workers' traffic reaches the server.
  await page.locator(`[data-building-id="${TOWER}"]`).click();
  await page.getByTestId('sweep-floor-grid').waitFor();
  await page.getByTestId('sweep-pending').filter({ hasText: '已全部上传' }).waitFor();
  const traffic = backgroundTraffic(server, BACKGROUND_PER_SECOND);
  await new Promise((resolve) => setTimeout(resolve, 2_000));
  const acks: number[] = [];
  for (const household of TOWER_HOUSEHOLDS.slice(0, SAVES)) {
    await page.locator(`[data-household-id="${household.id}"]`).click();
    await page.getByTestId('sweep-quick-fill').click();
    acks.push(await timeInPage(page, '[data-testid="sweep-save"]', 'queue-empty'));
  }
  // The same saves' worth of events posted from Node under the same traffic: what the server alone takes.
  const workerToken = await server.login(WORKER.username, WORKER.password);
  const direct: number[] = [];
  for (let i = 0; i < SAVES; i++) {
    const body = JSON.stringify({ events: towerEvents(2, WORKER.username, Date.now() + 2_000_000 + i * 10) });
    const start = performance.now();
    const response = await fetch(`${server.url}/api/v1/events`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${workerToken}` }, body });
    await response.text();
    direct.push(performance.now() - start);
  }
  const background = await traffic.stop();
  console.log(
    JSON.stringify({
      bench: 'sweep-ack',
      backgroundEventsPerSec: BACKGROUND_PER_SECOND,
      backgroundMeasuredPerSec: Math.round(background.events / background.seconds),
      cpuThrottle: CPU_THROTTLE,
      saves: SAVES,
      ackP50Ms: round1(quantile(acks, 0.5)),
      ackP95Ms: round1(quantile(acks, 0.95)),
      serverAckP50Ms: round1(quantile(direct, 0.5)),
      serverAckP95Ms: round1(quantile(direct, 0.95)),
    }),
  );

  // Draining a queue of 5 000 after days offline, and the baseline of one request per event.
  const workerId = WORKER.username;
  await context.setOffline(true);
  await page.evaluate(async (events) => {
    await new Promise<void>((resolve, reject) => {
      const open = indexedDB.open('gridsweep-field');
      open.onerror = () => reject(new Error('no database'));
      open.onsuccess = () => {
        const tx = open.result.transaction('outbox', 'readwrite');
        for (const event of events) tx.objectStore('outbox').add({ event, queuedAt: Date.now() });
        tx.oncomplete = () => resolve();
      };
    });
  }, towerEvents(DRAIN_EVENTS, workerId, Date.now()));
  const drained = page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        addEventListener(
          'online',
          () => {
            const start = performance.now();
            const observer = new MutationObserver(() => {
              const text = document.querySelector('[data-testid="sweep-pending"]')?.textContent ?? '';
              if (!text.includes('已全部上传')) return;
              observer.disconnect();
              resolve(performance.now() - start);
            });
            observer.observe(document.body, { childList: true, subtree: true, characterData: true });
          },
          { once: true },
        );
      }),
  );
  await context.setOffline(false);
  const drainMs = await drained;
  const baselineDrainMs = await page.evaluate(async (events) => {
    const token = sessionStorage.getItem('gridsweep.token');
    const start = performance.now();
    for (const event of events) {
      const response = await fetch('/api/v1/events', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ events: [event] }),
      });
      if (!response.ok) throw new Error(`one event answered ${response.status}`);
    }
    return performance.now() - start;
  }, towerEvents(DRAIN_EVENTS, workerId, Date.now() + 1_000_000));
  console.log(
    JSON.stringify({ bench: 'sweep-drain', events: DRAIN_EVENTS, cpuThrottle: CPU_THROTTLE, drainMs: Math.round(drainMs), baselineDrainMs: Math.round(baselineDrainMs), speedup: round1(baselineDrainMs / drainMs) }),
  );
  const counts = await fetch(`${server.url}/api/v1/rounds/${ROUND}/areas/mg-1/counts`, { headers: { authorization: `Bearer ${await server.login(WORKER.username, WORKER.password)}` } });
  if (!counts.ok) throw new Error(`the counts answered ${counts.status}`);
} finally {
  await browser.close();
  await server.stop();
}
