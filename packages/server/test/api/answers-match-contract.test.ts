import { compileCheck, OPERATIONS, type Operation } from '@gridsweep/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROBES, urlFor, type Targets } from '../access/route-probes.js';
import { DIALECTS } from '../support/dialects.js';
import { memberEvent, smallTerritory, visitEvent } from '../support/small-territory.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

// Fastify serializes answers by their schema but does not check them; the
// dashboard and other clients do. This holds what the server really answers
// to the contract's own check, on a territory with events recorded.

const A: Targets = { areaId: 'mg1', buildingId: 'mg1-b1', householdId: 'mg1-b1-1-101', memberId: 'mg1-b1-1-101-m1', roundId: 'r1', userId: 'nobody' };

/** The JSON reads of the API, each with the request that reaches a real record; a file (a tile, a report) declares its own content instead. */
const READS = (Object.values(OPERATIONS) as Operation[]).filter((op) => op.method === 'GET' && !('content' in op.schema.response[200]!));

describe.each(DIALECTS)('the answers of the server on $name', (dialect) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(dialect, { territory: smallTerritory() });
    const events = [visitEvent('mg1-b1-1-101'), memberEvent('mg1-b1-1-101', 'mg1-b1-1-101-m1'), visitEvent('mg2-b1-1-101', { values: { outcome: 'refused' } })];
    await server.app.inject({ method: 'POST', url: '/api/v1/events', headers: server.auth, payload: { events } });
    server.app.coverageHistory.sample();
  });
  afterAll(async () => server.close());

  for (const op of READS) {
    it(`match the contract's schema for ${op.schema.operationId}`, async () => {
      const probe = PROBES[`${op.method} ${op.path}`] ?? {};
      const response = await server.app.inject({ method: 'GET', url: urlFor(op.path, A, probe), headers: server.auth });
      expect(response.statusCode, response.body).toBe(200);
      expect(compileCheck(op.schema.response[200]!)(response.json())).toMatchObject({ ok: true });
    });
  }

  it("match the contract's schema for submitEvents, taken in part and refused whole", async () => {
    const submitted = await server.app.inject({ method: 'POST', url: '/api/v1/events', headers: server.auth, payload: { events: [visitEvent('mg1-b1-1-201'), visitEvent('nowhere')] } });
    expect(compileCheck(OPERATIONS.submitEvents.schema.response[200])(submitted.json())).toMatchObject({ ok: true });
    const refused = await server.app.inject({ method: 'POST', url: '/api/v1/events', headers: server.auth, payload: { events: [visitEvent('nowhere')] } });
    expect(compileCheck(OPERATIONS.submitEvents.schema.response[400])(refused.json())).toMatchObject({ ok: true });
  });
});
