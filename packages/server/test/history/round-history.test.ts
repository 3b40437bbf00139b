import { afterEach, describe, expect, it } from 'vitest';
import { CoverageRecorder, type ProgressSample } from '../../src/counting/coverage-recorder.js';
import { DIALECTS } from '../support/dialects.js';
import { memberEvent, smallTerritory, visitEvent } from '../support/small-territory.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

const PGLITE = DIALECTS.filter((dialect) => dialect.name === 'pglite');

describe.each(PGLITE)('a round\'s history over HTTP on $name', (dialect) => {
  let server: TestServer;
  afterEach(async () => server.close());

  const history = async (roundId = 'r1') => {
    const response = await server.app.inject({ headers: server.auth, method: 'GET', url: `/api/v1/rounds/${roundId}/history` });
    expect(response.statusCode).toBe(200);
    return response.json<ProgressSample[]>();
  };
  const post = async (events: unknown[]) => {
    const response = await server.app.inject({ headers: server.auth, method: 'POST', url: '/api/v1/events', payload: { events } });
    expect(response.statusCode).toBe(200);
  };

  it("grows by one sample of the round area's counts each time the counts are sampled, following committed events", async () => {
    server = await startTestServer(dialect, { territory: smallTerritory() });
    server.app.coverageHistory.sample();
    await post([visitEvent('mg1-b1-1-101'), visitEvent('mg1-b1-1-201'), memberEvent('mg1-b1-1-101', 'mg1-b1-1-101-m1')]);
    server.app.coverageHistory.sample();
    await post([visitEvent('mg2-b1-1-101')]);
    server.app.coverageHistory.sample();

    const samples = await history();
    expect(samples.map(({ households, members }) => ({ households, members }))).toEqual([
      { households: { visited: 0, toVisit: 20 }, members: { done: 0, eligible: 48 } },
      { households: { visited: 2, toVisit: 20 }, members: { done: 1, eligible: 48 } },
      { households: { visited: 3, toVisit: 20 }, members: { done: 1, eligible: 48 } },
    ]);
    const times = samples.map((sample) => sample.at);
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it('answers with counts only: no names, phones, rooms or household ids', async () => {
    server = await startTestServer(dialect, { territory: smallTerritory() });
    await post([visitEvent('mg1-b1-1-101')]);
    server.app.coverageHistory.sample();
    const body = (await server.app.inject({ method: 'GET', url: '/api/v1/rounds/r1/history', headers: server.auth })).body;
    for (const secret of ['张三', '13800000000', 'mg1-b1-1-101', '101', 'w1']) expect(body).not.toContain(secret);
  });

  it('keeps only the newest samples once it holds as many as it may', async () => {
    server = await startTestServer(dialect, { territory: smallTerritory(), historySamples: 3 });
    for (const householdId of ['mg1-b1-1-101', 'mg1-b1-1-201', 'mg1-b1-2-101', 'mg1-b1-2-201', 'mg1-b2-1-101']) {
      await post([visitEvent(householdId)]);
      server.app.coverageHistory.sample();
    }
    expect((await history()).map((sample) => sample.households.visited)).toEqual([3, 4, 5]);
  });

  it('is 404 ROUND_NOT_FOUND for a round that does not exist, and 400 for an id that cannot be one', async () => {
    server = await startTestServer(dialect, { territory: smallTerritory() });
    const missing = await server.app.inject({ method: 'GET', url: '/api/v1/rounds/nope/history', headers: server.auth });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ code: 'ROUND_NOT_FOUND' });
    const malformed = await server.app.inject({ method: 'GET', url: '/api/v1/rounds/%20bad%20/history', headers: server.auth });
    expect(malformed.statusCode).toBe(400);
  });
});

describe('the coverage recorder', () => {
  const progress = (visited: number) => ({ households: { visited, toVisit: 10 }, members: { done: 0, eligible: 5 } });

  it('keeps time order when the clock steps back, replacing its last sample instead of adding one before it', () => {
    const times = [1_000, 2_000, 1_500];
    let visited = 0;
    const recorder = new CoverageRecorder({ roundIds: () => ['r'], progress: () => progress(++visited) }, 10, () => times.shift()!);
    for (let i = 0; i < 3; i++) recorder.sample();
    expect(recorder.history('r')).toEqual([
      { at: 1_000, ...progress(1) },
      { at: 2_000, ...progress(3) },
    ]);
  });

  it('refuses to be built without room for a sample', () => {
    expect(() => new CoverageRecorder({ roundIds: () => [], progress: () => undefined }, 0)).toThrow(/keptSamples/);
  });
});
