import type { Household } from '@gridsweep/core';
import type { RosterWrite } from '../../src/index.js';
import { afterEach, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/dialects.js';
import { smallTerritory } from '../support/small-territory.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

const pglite = DIALECTS.find((dialect) => dialect.name === 'pglite')!;

describe('roster writes of other processes', () => {
  let server: TestServer;
  afterEach(async () => server.close());

  const household: Household = { id: 'mg1-b1-1-901', buildingId: 'mg1-b1', unit: 1, floor: 9, room: '901', vacant: false };

  it('are mirrored and counted once, however often they are heard', async () => {
    server = await startTestServer(pglite, { territory: smallTerritory() });
    const write: RosterWrite = { records: { households: [household] } };
    server.app.roster.applyRemote(write);
    server.app.roster.applyRemote(write);
    expect(server.app.roster.territory.householdBuilding(household.id)).toBe(household.buildingId);
    expect(server.app.counting.counts('r1', 'mg1').households.total).toBe(13);
  });

  it('are announced for the other processes when this process commits them', async () => {
    server = await startTestServer(pglite, { territory: smallTerritory() });
    const heard: RosterWrite[] = [];
    server.app.roster.onWrite((write) => heard.push(write));
    await server.app.inject({ headers: server.auth, method: 'POST', url: '/api/v1/households', payload: { id: household.id, buildingId: 'mg1-b1', unit: 1, floor: 9, room: '901' } });
    expect(heard).toEqual([{ records: { households: [household] } }]);
  });
});
