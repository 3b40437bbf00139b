import type { AreaCounts } from '@gridsweep/core';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config.js';
import { readDemoOptions } from '../../src/demo/demo-options.js';
import { DEMO_ROUND_ID, runDemo } from '../../src/demo/run-demo.js';
import { DIALECTS } from '../support/dialects.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

const pglite = DIALECTS.find((dialect) => dialect.name === 'pglite')!;
const TINY_AT_FULL_SPEED = { scale: 'tiny', seed: 7, speed: 'max', headStartMinutes: 0 } as const;

describe('the demo', () => {
  let server: TestServer | undefined;
  afterEach(async () => server?.close());

  const cityCounts = async () =>
    (await server!.app.inject({ headers: server!.auth, method: 'GET', url: `/api/v1/rounds/${DEMO_ROUND_ID}/areas/city/counts` })).json<{ counts: AreaCounts }>().counts;

  it('loads the synthetic city into an empty database, opens a round and sweeps it to near full coverage', async () => {
    server = await startTestServer(pglite);
    await runDemo(server.app, TINY_AT_FULL_SPEED, new AbortController().signal);
    const counts = await cityCounts();
    expect(server.app.roster.territory.size.households).toBe(counts.households.total);
    expect(counts.households.visited / counts.households.toVisit).toBeGreaterThan(0.9);
  });

  it('picks up after a restart without loading the city twice or counting anything twice', async () => {
    server = await startTestServer(pglite);
    await runDemo(server.app, TINY_AT_FULL_SPEED, new AbortController().signal);
    const before = { size: server.app.roster.territory.size, counts: await cityCounts() };
    await server.restart();
    await runDemo(server.app, TINY_AT_FULL_SPEED, new AbortController().signal);
    expect({ size: server.app.roster.territory.size, counts: await cityCounts() }).toEqual(before);
  });
});

describe('readDemoOptions', () => {
  it('runs the demo-scale city at ten times real speed by default', () => {
    expect(readDemoOptions({})).toEqual({ scale: 'demo', seed: 7, speed: 10, headStartMinutes: 20 });
  });

  it('is off when GRIDSWEEP_DEMO=off', () => {
    expect(readDemoOptions({ GRIDSWEEP_DEMO: 'off' })).toBeNull();
  });

  it.each([
    { env: { GRIDSWEEP_DEMO: 'yes' }, variable: 'GRIDSWEEP_DEMO' },
    { env: { DEMO_SCALE: 'galaxy' }, variable: 'DEMO_SCALE' },
    { env: { DEMO_SPEED: '0' }, variable: 'DEMO_SPEED' },
    { env: { DEMO_SEED: 'seven' }, variable: 'DEMO_SEED' },
  ])('names $variable when its value is bad', ({ env, variable }) => {
    expect(() => readDemoOptions(env)).toThrow(ConfigError);
    expect(() => readDemoOptions(env)).toThrow(variable);
  });
});
