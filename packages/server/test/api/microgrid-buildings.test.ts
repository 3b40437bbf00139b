import type { AreaCounts } from '@gridsweep/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/dialects.js';
import { smallTerritory, visitEvent } from '../support/small-territory.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

interface BuildingRow {
  id: string;
  name: string;
  units: number;
  floors: number;
  location: { type: string; coordinates: number[] } | null;
  households: { total: number; toVisit: number; visited: number; noAnswer: number; refused: number; vacant: number };
}

const outcome = (householdId: string, option: string, deviceTime = Date.UTC(2022, 10, 14, 9)) =>
  visitEvent(householdId, { values: { outcome: option }, deviceTime });

describe.each(DIALECTS)("a micro-grid's buildings in a round on $name", (dialect) => {
  let server: TestServer;
  beforeEach(async () => {
    server = await startTestServer(dialect, { territory: smallTerritory() });
  });
  afterEach(async () => server.close());

  const get = (url: string) => server.app.inject({ headers: server.auth, method: 'GET', url });
  const post = async (events: unknown[]) => {
    const response = await server.app.inject({ headers: server.auth, method: 'POST', url: '/api/v1/events', payload: { events } });
    expect(response.statusCode).toBe(200);
  };
  const buildings = async (areaId = 'mg1') => {
    const response = await get(`/api/v1/rounds/r1/areas/${areaId}/buildings`);
    expect(response.statusCode).toBe(200);
    return response.json<BuildingRow[]>();
  };

  it('lists every building of the micro-grid with its place and its households still to visit', async () => {
    expect(await buildings()).toEqual([
      {
        id: 'mg1-b1',
        name: '1号楼',
        units: 2,
        floors: 3,
        location: { type: 'Point', coordinates: [119.3, 26.1] },
        households: { total: 6, toVisit: 5, visited: 0, noAnswer: 0, refused: 0, vacant: 1 },
      },
      expect.objectContaining({ id: 'mg1-b2', households: { total: 6, toVisit: 5, visited: 0, noAnswer: 0, refused: 0, vacant: 1 } }),
    ]);
  });

  it("counts each household by its latest outcome, and a dwelling found vacant leaves the building's households to visit", async () => {
    await post([
      outcome('mg1-b1-1-101', 'visited'),
      outcome('mg1-b1-1-201', 'no_answer'),
      outcome('mg1-b1-1-301', 'refused'),
      outcome('mg1-b1-2-101', 'vacant'),
      outcome('mg1-b1-2-201', 'no_answer', Date.UTC(2022, 10, 14, 9)),
      outcome('mg1-b1-2-201', 'visited', Date.UTC(2022, 10, 14, 10)),
    ]);
    const [first, second] = await buildings();
    expect(first!.households).toEqual({ total: 6, toVisit: 4, visited: 2, noAnswer: 1, refused: 1, vacant: 2 });
    expect(second!.households.visited).toBe(0);
  });

  it("adds up to the micro-grid's own household counts", async () => {
    await post([outcome('mg1-b1-1-101', 'visited'), outcome('mg1-b2-1-201', 'refused'), outcome('mg1-b2-2-101', 'no_answer')]);
    const sum = (await buildings()).reduce(
      (total, row) => {
        for (const key of Object.keys(total) as (keyof typeof total)[]) total[key] += row.households[key];
        return total;
      },
      { total: 0, toVisit: 0, visited: 0, noAnswer: 0, refused: 0, vacant: 0 },
    );
    const counts = (await get('/api/v1/rounds/r1/areas/mg1/counts')).json<{ counts: AreaCounts }>().counts;
    expect(sum).toEqual(counts.households);
  });

  it('answers with counts only: no names, phones, rooms or household ids', async () => {
    await post([outcome('mg1-b1-1-101', 'visited')]);
    const body = (await get('/api/v1/rounds/r1/areas/mg1/buildings')).body;
    for (const personal of ['张三', '李四', '13800000000', '101', 'mg1-b1-1-']) expect(body).not.toContain(personal);
  });

  it('answers 404 with its code for an unknown round, an unknown area and an area that is not a micro-grid', async () => {
    expect((await get('/api/v1/rounds/nope/areas/mg1/buildings')).json()).toMatchObject({ code: 'ROUND_NOT_FOUND' });
    expect((await get('/api/v1/rounds/r1/areas/nope/buildings')).json()).toMatchObject({ code: 'AREA_NOT_FOUND' });
    const grid = await get('/api/v1/rounds/r1/areas/g/buildings');
    expect(grid.statusCode).toBe(404);
    expect(grid.json()).toMatchObject({ code: 'AREA_NOT_FOUND', message: 'Area g is a grid; buildings are listed per micro-grid.' });
  });

  it('refuses a malformed area id with 400 naming the field', async () => {
    const response = await get('/api/v1/rounds/r1/areas/%20bad%20/buildings');
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'VALIDATION_FAILED', issues: [expect.objectContaining({ field: 'areaId' })] });
  });
});
