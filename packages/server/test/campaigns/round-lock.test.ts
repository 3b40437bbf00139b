import { NUCLEIC_ACID_RULES, NUCLEIC_ACID_TEMPLATE, type AreaCounts, type Round } from '@gridsweep/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { signIn } from '../support/accounts.js';
import { DIALECTS } from '../support/dialects.js';
import { smallTerritory, visitEvent } from '../support/small-territory.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

/** A second version of the test template that records no health code. */
const WITHOUT_CODES = { ...NUCLEIC_ACID_TEMPLATE, version: 2, member: { ...NUCLEIC_ACID_TEMPLATE.member, marker: null }, measures: NUCLEIC_ACID_TEMPLATE.measures.filter((m) => m.kind !== 'markers'), quickFills: [] };
const STRICTER = { ...NUCLEIC_ACID_RULES, version: 2, goal: null };

describe.each(DIALECTS)("a round's template and rules on $name", (dialect) => {
  let server: TestServer;
  beforeEach(async () => {
    server = await startTestServer(dialect, { territory: smallTerritory() });
    for (const [url, body] of [['/api/v1/templates', WITHOUT_CODES], ['/api/v1/rules', STRICTER]] as const) {
      const response = await server.app.inject({ method: 'POST', url, headers: server.auth, payload: body });
      if (response.statusCode !== 201) throw new Error(response.body);
    }
  });
  afterEach(async () => server.close());

  const patch = (payload: object, headers: object = server.auth) =>
    server.app.inject({ method: 'PATCH', url: '/api/v1/rounds/r1', headers: headers as Record<string, string>, payload });
  const round = async () => (await server.app.inject({ method: 'GET', url: '/api/v1/rounds/r1', headers: server.auth })).json<Round>();
  const cityCounts = async () => (await server.app.inject({ method: 'GET', url: '/api/v1/rounds/r1/areas/c/counts', headers: server.auth })).json<{ counts: AreaCounts }>().counts;

  it('may change before the first event, and is then counted and served by the new versions', async () => {
    expect((await cityCounts()).markers).toMatchObject({ unknown: 48 });
    const changed = await patch({ templateVersion: 2, rulesVersion: 2 });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ templateVersion: 2, rulesVersion: 2 });
    expect(await round()).toMatchObject({ templateVersion: 2, rulesVersion: 2 });
    expect((await cityCounts()).markers).toEqual({});
    const campaign = (await server.app.inject({ method: 'GET', url: '/api/v1/rounds/r1/campaign', headers: server.auth })).json<unknown>();
    expect(campaign).toMatchObject({ template: { version: 2, member: { marker: null } }, rules: { version: 2, goal: null } });
    // Stored, not only remembered: a restart reads the same.
    await server.restart();
    expect(await round()).toMatchObject({ templateVersion: 2, rulesVersion: 2 });
    expect((await cityCounts()).markers).toEqual({});
  });

  it('cannot change after the first event (409 ROUND_LOCKED, nothing changes), though it may still be renamed', async () => {
    await server.app.inject({ method: 'POST', url: '/api/v1/events', headers: server.auth, payload: { events: [visitEvent('mg1-b1-1-101')] } });
    const before = await round();
    for (const change of [{ templateVersion: 2 }, { rulesVersion: 2 }, { rulesId: 'nucleic-acid-default', rulesVersion: 2, name: 'x' }]) {
      const answer = await patch(change);
      expect(answer.statusCode, JSON.stringify(change)).toBe(409);
      expect(answer.json()).toMatchObject({ code: 'ROUND_LOCKED' });
    }
    expect(await round()).toEqual(before);
    const renamed = await patch({ name: '11-14 全员核酸（补采）' });
    expect(renamed.statusCode).toBe(200);
    expect(await round()).toEqual({ ...before, name: '11-14 全员核酸（补采）' });
    const audit = (await server.app.inject({ method: 'GET', url: '/api/v1/audit?limit=5', headers: server.auth })).json<{ action: string; target: string }[]>();
    expect(audit[0]).toMatchObject({ action: 'round.update', target: 'round:r1' });
  });

  it('refuses versions that are not stored, or rules of another template, naming the field', async () => {
    expect((await patch({ templateVersion: 7 })).json()).toMatchObject({ code: 'VALIDATION_FAILED', issues: [{ field: 'templateVersion' }] });
    expect((await patch({ rulesId: 'elderly-vaccination-default' })).json()).toMatchObject({ code: 'VALIDATION_FAILED', issues: [{ field: 'rulesId' }] });
    expect((await patch({})).json()).toMatchObject({ code: 'VALIDATION_FAILED', issues: [{ field: 'body', reason: 'must have at least 1 field' }] });
    expect((await patch({ templateId: 'elderly-vaccination' })).json()).toMatchObject({ issues: [{ field: 'templateId', reason: 'is not a known field' }] });
    expect(await round()).toMatchObject({ templateVersion: 1, rulesVersion: 1 });
  });

  it('may be changed by a supervisor whose territory holds its whole area, not by one who sees only part of it', async () => {
    const ofMicrogrid = await signIn(server.app, 'supervisor-mg1', 'supervisor', { kind: 'areas', areaIds: ['mg1'] });
    const ofCity = await signIn(server.app, 'supervisor-city', 'supervisor', { kind: 'areas', areaIds: ['c'] });
    const commander = await signIn(server.app, 'commander', 'commander', { kind: 'everything' });
    expect((await patch({ name: 'x' }, ofMicrogrid.auth)).json()).toMatchObject({ code: 'OUT_OF_SCOPE' });
    expect((await patch({ name: 'x' }, commander.auth)).json()).toMatchObject({ code: 'FORBIDDEN' });
    expect((await patch({ name: '全市' }, ofCity.auth)).statusCode).toBe(200);
  });
});
