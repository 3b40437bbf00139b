import type { AreaCounts, AreaEvaluation } from '@gridsweep/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CountsChange } from '../../src/counting/counting-service.js';
import { DIALECTS } from '../support/dialects.js';
import { memberEvent, smallTerritory, visitEvent } from '../support/small-territory.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

describe.each(DIALECTS)('counts on $name', (dialect) => {
  let server: TestServer;
  beforeEach(async () => {
    server = await startTestServer(dialect, { territory: smallTerritory() });
  });
  afterEach(async () => server.close());

  const post = (events: unknown[]) => server.app.inject({ headers: server.auth, method: 'POST', url: '/api/v1/events', payload: { events } });
  const countsOf = async (areaId: string) =>
    (await server.app.inject({ headers: server.auth, method: 'GET', url: `/api/v1/rounds/r1/areas/${areaId}/counts` })).json<{ counts: AreaCounts }>().counts;

  it('counts an acknowledged visit in the micro-grid and every area above it', async () => {
    const before = await countsOf('c');
    await post([visitEvent('mg1-b1-1-101'), memberEvent('mg1-b1-1-101', 'mg1-b1-1-101-m1')]);
    for (const areaId of ['mg1', 'g', 'c']) {
      const counts = await countsOf(areaId);
      expect(counts.households.visited).toBe(before.households.visited + 1);
      expect(counts.members.done).toBe(before.members.done + 1);
    }
    expect((await countsOf('mg2')).households.visited).toBe(0);
  });

  it('explains the coverage of an area with its numerator, denominator and the rules that made it', async () => {
    await post([visitEvent('mg1-b1-1-101'), visitEvent('mg1-b1-1-201')]);
    const response = await server.app.inject({ method: 'GET', url: '/api/v1/rounds/r1/areas/mg1/counts', headers: server.auth });
    const { figures } = response.json<{ figures: AreaEvaluation }>();
    const coverage = figures.shares['coverage']!;
    expect(coverage.numerator).toMatchObject({ path: 'households.visited', value: 2 });
    expect(coverage.denominator).toMatchObject({ path: 'households.toVisit', value: 10 });
    expect(coverage.denominator.parts.map((p) => p.value * p.sign)).toEqual([12, -2]);
    expect(coverage.value).toBeCloseTo(0.2);
    expect(coverage.rule).toEqual({ id: 'nucleic-acid-default', version: 1 });
    expect(figures.colour).toMatchObject({ colour: 'red', measure: 'coverage' });
  });

  it('gives the counts of every micro-grid of the round in one call', async () => {
    await post([visitEvent('mg2-b1-1-101')]);
    const response = await server.app.inject({ method: 'GET', url: '/api/v1/rounds/r1/counts?level=microgrid', headers: server.auth });
    const rows = response.json<{ areaId: string; counts: AreaCounts }[]>();
    expect(rows.map((r) => [r.areaId, r.counts.households.visited])).toEqual([['mg1', 0], ['mg2', 1]]);
    expect(rows[0]!.counts.households.total).toBe(12);
  });

  it('publishes the areas one commit changed on the bus, and nothing for a duplicate', async () => {
    const seen: CountsChange[] = [];
    server.app.counting.bus.subscribe((change) => seen.push(change));
    const event = visitEvent('mg1-b2-2-201');
    await post([event, memberEvent('mg1-b2-2-201', 'mg1-b2-2-201-m2')]);
    await post([event]);
    expect(seen).toHaveLength(1);
    expect([...(seen[0]!.changes.get('r1') ?? [])].sort()).toEqual(['c', 'cm', 'd', 'g', 'mg1', 's']);
  });

  it('has the same counts after a restart as before it', async () => {
    await post([visitEvent('mg1-b1-1-101'), visitEvent('mg2-b2-1-201', { values: { outcome: 'refused' } })]);
    await post([memberEvent('mg1-b1-1-101', 'mg1-b1-1-101-m2', 1), memberEvent('mg1-b1-1-101', 'mg1-b1-1-101-m1', 0)]);
    const before = await Promise.all(['c', 'mg1', 'mg2'].map(countsOf));
    await server.restart();
    expect(await Promise.all(['c', 'mg1', 'mg2'].map(countsOf))).toEqual(before);
  });

  it('answers 404 for counts of an unknown round or area', async () => {
    expect((await server.app.inject({ method: 'GET', url: '/api/v1/rounds/nope/areas/c/counts', headers: server.auth })).json()).toMatchObject({ code: 'ROUND_NOT_FOUND' });
    expect((await server.app.inject({ method: 'GET', url: '/api/v1/rounds/r1/areas/nope/counts', headers: server.auth })).json()).toMatchObject({ code: 'AREA_NOT_FOUND' });
  });
});
