import { LiveCountsClient, uuidV7, type AreaCounts, type AreaEvaluation, type SweepEvent } from '@gridsweep/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/dialects.js';
import { smallTerritory, visitEvent } from '../support/small-territory.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { CITY_AREAS, connect, type LiveTestSocket } from '../live/live-client.js';

const CENSUS = { id: 'r2', name: '老年人疫苗接种摸排', templateId: 'elderly-vaccination', rulesId: 'elderly-vaccination-default', areaId: 'c', startsAt: Date.UTC(2022, 10, 14) };

function censusMember(householdId: string, memberId: string, values: Record<string, string>): SweepEvent {
  return { id: uuidV7(), deviceTime: Date.UTC(2022, 10, 14, 9), roundId: 'r2', workerId: 'w1', householdId, memberId, values };
}

interface CountsAnswer {
  counts: AreaCounts;
  figures: AreaEvaluation;
}

describe.each(DIALECTS)('two rounds of different templates in one city on $name', (dialect) => {
  let server: TestServer;
  let socket: LiveTestSocket;
  const clients: LiveCountsClient[] = [];

  beforeEach(async () => {
    server = await startTestServer(dialect, { territory: smallTerritory() });
    await server.app.listen({ port: 0, host: '127.0.0.1' });
    socket = connect((server.app.server.address() as { port: number }).port, server.adminToken);
  });
  afterEach(async () => {
    for (const client of clients.splice(0)) client.stop();
    socket.disconnect();
    await server.close();
  });

  const inject = (method: 'GET' | 'POST', url: string, payload?: object) => server.app.inject({ method, url, headers: server.auth, ...(payload ? { payload } : {}) });
  const countsOf = async (roundId: string, areaId: string) => (await inject('GET', `/api/v1/rounds/${roundId}/areas/${areaId}/counts`)).json<CountsAnswer>();
  /** A live client of the round's whole city, and how many snapshots and deltas it applied. */
  const follow = (roundId: string) => {
    const received = { snapshots: 0, deltas: 0 };
    const client = new LiveCountsClient(socket, {
      subscription: { roundId, areaId: 'c', depth: 'microgrid' },
      onUpdate: (changed) => (changed === 'all' ? received.snapshots++ : received.deltas++),
    });
    client.start();
    clients.push(client);
    return Object.assign(client, { received });
  };
  const cityOf = async (roundId: string) => Object.fromEntries(await Promise.all(CITY_AREAS.map(async (areaId) => [areaId, (await countsOf(roundId, areaId)).counts] as const)));
  const viewOf = (client: LiveCountsClient) => Object.fromEntries(CITY_AREAS.map((areaId) => [areaId, client.view.counts(areaId)]));

  it('count independently: HTTP counts, socket deltas and explanations each in their own template', async () => {
    const opened = await inject('POST', '/api/v1/rounds', CENSUS);
    expect(opened.statusCode, opened.body).toBe(201);
    expect(opened.json()).toMatchObject({ templateVersion: 1, rulesVersion: 1 });
    const tests = follow('r1');
    const census = follow('r2');
    await expect.poll(() => tests.received.snapshots + census.received.snapshots).toBe(2);

    const submitted = await inject('POST', '/api/v1/events', {
      events: [
        visitEvent('mg1-b1-1-101'),
        { ...visitEvent('mg1-b1-1-101', { memberId: 'mg1-b1-1-101-m1' }), values: { test: 'tested', code: 'red' } },
        visitEvent('mg2-b1-1-101', { roundId: 'r2' }),
        censusMember('mg2-b1-1-101', 'mg2-b1-1-101-m1', { doses: 'two', home_vaccination: 'wants' }),
        // A field of the test round's template means nothing in the census round.
        censusMember('mg2-b1-1-101', 'mg2-b1-1-101-m1', { test: 'tested' }),
      ],
    });
    expect(submitted.json()).toMatchObject({ results: [{ status: 'accepted' }, { status: 'accepted' }, { status: 'accepted' }, { status: 'accepted' }, { status: 'rejected', issues: [{ field: 'events.4.values.test' }] }] });

    const [testCity, censusCity] = [await countsOf('r1', 'c'), await countsOf('r2', 'c')];
    expect(testCity.counts.households.visited).toBe(1);
    expect(censusCity.counts.households.visited).toBe(1);
    expect((await countsOf('r1', 'mg2')).counts.households.visited).toBe(0);
    expect((await countsOf('r2', 'mg1')).counts.households.visited).toBe(0);
    expect(testCity.counts.markers).toMatchObject({ red: 1 });
    expect(censusCity.counts.markers).toEqual({ wants: 1, no: 0 });
    // The census counts people of 60 and over only: the test round counts everyone.
    expect(censusCity.counts.members.total).toBeLessThan(testCity.counts.members.total);
    expect(censusCity.counts.members.done).toBe(1);

    expect(Object.keys(testCity.figures.shares)).toEqual(['coverage', 'testRate']);
    expect(Object.keys(censusCity.figures.shares)).toEqual(['coverage', 'reached', 'fullyVaccinated']);
    expect(testCity.figures.goal).toMatchObject({ name: { zh: '无疫' }, value: false, rule: { id: 'nucleic-acid-default' } });
    expect(censusCity.figures.goal).toMatchObject({ name: { zh: '摸排完成' }, rule: { id: 'elderly-vaccination-default' } });
    expect(censusCity.figures.shares['fullyVaccinated']).toMatchObject({ numerator: { path: 'members.done', value: 1 }, label: { zh: '全程接种率' } });

    // Each live client ends where HTTP is for its own round, each with its own template's markers.
    await expect.poll(async () => JSON.stringify(viewOf(tests)) === JSON.stringify(await cityOf('r1')), { timeout: 5000 }).toBe(true);
    await expect.poll(async () => JSON.stringify(viewOf(census)) === JSON.stringify(await cityOf('r2')), { timeout: 5000 }).toBe(true);
    expect([tests.received, census.received]).toMatchObject([{ snapshots: 1 }, { snapshots: 1 }]);
    expect(tests.received.deltas * census.received.deltas).toBeGreaterThan(0);
    expect(Object.keys(census.view.counts('c')!.markers)).toEqual(['wants', 'no']);
    expect(Object.keys(tests.view.counts('c')!.markers)).toEqual(['green', 'yellow', 'red', 'unknown']);
  });
});
