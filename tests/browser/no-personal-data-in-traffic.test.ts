import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cityRecords } from '@gridsweep/server/city';
import { browserSkipReason, launchChromium } from '../support/chromium.js';
import { demoPassword, waitForDemoRound } from '../support/demo-accounts.js';
import { ADMIN, startGridsweepServer, type RunningServer } from '../support/gridsweep-server.js';
import { personalDataFinder, type PersonalDataFound } from '../support/personal-data.js';
import { saveScreenshot } from '../support/screenshots.js';
import { signInThroughPage } from '../support/sign-in.js';
import { TrafficCapture, type CapturedMessage } from '../support/traffic-capture.js';

const skipReason = browserSkipReason();
const VIEWPORT = { width: 1920, height: 1080 };
// The demo's defaults: the server generates this very city, so the test knows every name and phone in it.
const DEMO_CITY = { seed: 7, scale: 'tiny' } as const;

interface Leak extends PersonalDataFound {
  readonly kind: CapturedMessage['kind'];
  readonly url: string;
}

describe.skipIf(skipReason !== null)(`the traffic of the wall and the monitoring page during a simulated morning, in Chromium${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  let server: RunningServer;
  let browser: Browser;
  const city = cityRecords(DEMO_CITY);
  const find = personalDataFinder(city.members);

  function leaksIn(messages: readonly CapturedMessage[]): Leak[] {
    return messages.flatMap((message) => {
      const found = find(message.text);
      const any = found.names.length + found.phones.length + found.idNumbers.length > 0;
      return any ? [{ kind: message.kind, url: message.url, ...found }] : [];
    });
  }

  beforeAll(async () => {
    // The tiny city at 30× speed: doors are knocked every second, and the morning lasts longer than the test.
    server = await startGridsweepServer({ GRIDSWEEP_DEMO: 'on', DEMO_SCALE: DEMO_CITY.scale, DEMO_SEED: String(DEMO_CITY.seed), DEMO_SPEED: '30' });
    browser = await launchChromium();
    await waitForDemoRound(server);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('finds a name or phone of the city wherever it is, raw or as \\u escapes, and nothing in masked or counts-only text', () => {
    const person = city.members.find((member) => member.phone && member.name.length === 3)!;
    expect(city.members.length).toBeGreaterThan(1_000);
    const escaped = [...person.name].map((char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`).join('');
    expect(find(`{"members":[{"name":"${person.name}"}]}`).names).toEqual([person.name]);
    expect(find(`42["x",{"name":"${escaped}"}]`).names).toEqual([person.name]);
    expect(find(`{"phone":"${person.phone}"}`).phones).toEqual([person.phone]);
    expect(find('{"id":"350102199003071234"}').idNumbers).toEqual(['350102199003071234']);
    const masked = `${person.name[0]}*${person.name.slice(2)}`;
    expect(find(`{"name":"${masked}","phone":"${person.phone!.slice(0, 3)}****${person.phone!.slice(-4)}","at":1795952588275}`)).toEqual({
      names: [],
      phones: [],
      idNumbers: [],
    });
  });

  it('catches a name the server does send: an administrator revealing a member, recorded the same way', async () => {
    const capture = new TrafficCapture();
    const page = await browser.newPage({ viewport: VIEWPORT });
    capture.watch(page);
    const token = await server.login(ADMIN.username, ADMIN.password);
    await page.goto(`${server.url}/?token=${token}`);
    const member = city.members.find((candidate) => candidate.phone)!;
    const status = await page.evaluate(async ({ memberId, token }) => {
      const response = await fetch(`/api/v1/members/${memberId}/reveal`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ purpose: 'other', reason: 'capture test: the recorder must see a revealed name' }),
      });
      return response.status;
    }, { memberId: member.id, token });
    expect(status).toBe(200);
    await capture.settle();
    await page.close();
    const leaks = leaksIn(capture.messages);
    expect(leaks).toContainEqual(expect.objectContaining({ kind: 'http-response', names: [member.name], phones: [member.phone] }));
  });

  async function drillToBuildings(page: Page): Promise<void> {
    await page.getByLabel('层级').selectOption('district');
    const steps = page.getByRole('navigation', { name: 'breadcrumb' }).getByRole('button');
    // District, street, community, grid, micro-grid: each click on the most lagging area goes one level down.
    for (let depth = 1; depth <= 5; depth++) {
      const lagging = page.getByTestId('lagging').getByRole('button').first();
      await expect
        .poll(
          async () => {
            if ((await steps.count()) === depth) await lagging.click({ timeout: 5_000 }).catch(() => {});
            return steps.count();
          },
          { timeout: 30_000, interval: 500 },
        )
        .toBe(depth + 1);
    }
    await expect.poll(async () => Number(await page.getByTestId('area-map').getAttribute('data-buildings')), { timeout: 20_000 }).toBeGreaterThan(0);
  }

  it('carries no member name, phone number or ID number in any HTTP answer or socket frame of the wall and the commander\'s drill-down to buildings', async () => {
    const capture = new TrafficCapture();
    const wall = await browser.newPage({ viewport: VIEWPORT });
    capture.watch(wall);
    await wall.goto(`${server.url}/wall?token=${server.wallToken}`);
    const monitor = await browser.newPage({ viewport: VIEWPORT });
    capture.watch(monitor);
    await signInThroughPage(monitor, server.url, 'commander', await demoPassword(server, 'commander'));
    await monitor.getByTestId('status').getByText('实时更新').waitFor();
    await drillToBuildings(monitor);

    // The morning goes on: the wall's figures move, its ticker fills, and the buildings drilled into are asked for again as they are swept.
    const swept = wall.getByTestId('tile-households');
    const seen = new Set<string>();
    await expect.poll(async () => seen.add((await swept.textContent()) ?? '').size, { timeout: 60_000, interval: 1_000 }).toBeGreaterThanOrEqual(4);
    await expect.poll(async () => wall.getByTestId('activity').locator('time').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    const buildingAnswers = () => capture.of('http-response').filter((message) => /\/areas\/[^/]+\/buildings$/.test(message.url)).length;
    await expect.poll(buildingAnswers, { timeout: 60_000, interval: 1_000 }).toBeGreaterThanOrEqual(2);
    await saveScreenshot(wall, 'capture-wall');
    await saveScreenshot(monitor, 'capture-monitoring-buildings');
    await capture.settle();
    await wall.close();
    await monitor.close();

    // The recording holds what the pages really exchanged: the API's answers and the live stream's frames.
    const api = capture.of('http-response').filter((message) => new URL(message.url).pathname.startsWith('/api/'));
    const paths = new Set(
      api.map((message) =>
        new URL(message.url).pathname.replace(/\/area-tiles\/\d+\/\d+\/\d+$/, '/area-tiles/:z/:x/:y').replace(/\/(rounds|areas)\/[^/]+/g, '/$1/:id'),
      ),
    );
    expect([...paths]).toEqual(
      expect.arrayContaining([
        '/api/v1/auth/login',
        '/api/v1/auth/me',
        '/api/v1/levels',
        '/api/v1/rounds',
        '/api/v1/rounds/:id/campaign',
        '/api/v1/areas.geojson',
        '/api/v1/area-tiles/:z/:x/:y',
        '/api/v1/rounds/:id/history',
        '/api/v1/rounds/:id/areas/:id/buildings',
      ]),
    );
    const received = capture.of('ws-received').map((message) => message.text);
    for (const event of ['counts.snapshot:v3', 'counts.delta:v3', 'activity:v1']) {
      expect(received.filter((frame) => frame.includes(`"${event}"`)).length, `socket frames carrying ${event}`).toBeGreaterThan(0);
    }
    expect(capture.of('ws-sent').some((message) => message.text.includes('counts.subscribe:v3'))).toBe(true);

    expect(leaksIn(capture.messages)).toEqual([]);
  });
});
