import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, type SignedIn } from '../support/accounts.js';
import { DIALECTS } from '../support/dialects.js';
import { smallTerritory, visitEvent } from '../support/small-territory.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

interface Assignments {
  roundId: string;
  microgrids: { areaId: string; name: string; parentName: string | null; buildings: number; left: number; households: Record<string, number> }[];
}

describe.each(DIALECTS)("a field worker's work in a round on $name", (dialect) => {
  let server: TestServer;
  let worker: SignedIn;
  let supervisor: SignedIn;
  let commander: SignedIn;

  beforeAll(async () => {
    server = await startTestServer(dialect, { territory: smallTerritory(), access: { rateLimitPerMinute: 0 } });
    worker = await signIn(server.app, 'worker-2', 'worker', { kind: 'areas', areaIds: ['mg2'] });
    supervisor = await signIn(server.app, 'supervisor-g', 'supervisor', { kind: 'areas', areaIds: ['g'] });
    commander = await signIn(server.app, 'commander-c', 'commander', { kind: 'areas', areaIds: ['c'] });
    const events = ['mg1-b1-1-101', 'mg1-b1-1-201', 'mg1-b2-1-101'].map((id) => visitEvent(id));
    events.push(visitEvent('mg2-b1-1-101', { values: { outcome: 'refused' } }));
    const response = await server.app.inject({ method: 'POST', url: '/api/v1/events', headers: server.auth, payload: { events } });
    expect(response.statusCode).toBe(200);
  }, 60_000);
  afterAll(async () => server.close());

  const assignments = async (auth: Record<string, string>, query = '?roundId=r1') => {
    const response = await server.app.inject({ method: 'GET', url: `/api/v1/sweep/assignments${query}`, headers: auth });
    return { status: response.statusCode, body: response.json<Assignments>() };
  };

  it('gives a worker only the micro-grid assigned to them, with its households to visit, visited, no answer and refused', async () => {
    const { status, body } = await assignments(worker.auth);
    expect(status).toBe(200);
    expect(body).toEqual({
      roundId: 'r1',
      microgrids: [
        {
          areaId: 'mg2',
          name: '微网格二',
          parentName: '网格一',
          buildings: 2,
          households: { total: 12, toVisit: 10, visited: 0, noAnswer: 0, refused: 1, vacant: 2 },
          left: 9,
        },
      ],
    });
  });

  it('gives a supervisor every micro-grid of their scope, the one with most left first', async () => {
    const { body } = await assignments(supervisor.auth);
    expect(body.microgrids.map((mg) => [mg.areaId, mg.left])).toEqual([
      ['mg2', 9],
      ['mg1', 7],
    ]);
  });

  it('refuses an account that records nothing, names a missing roundId, and answers an unknown round as not found', async () => {
    expect((await assignments(commander.auth)).status).toBe(403);
    const missing = await assignments(worker.auth, '');
    expect(missing.status).toBe(400);
    expect(JSON.stringify(missing.body)).toContain('roundId');
    expect((await assignments(worker.auth, '?roundId=nope')).status).toBe(404);
  });
});
