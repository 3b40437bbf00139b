import { DEFAULT_LEVELS, NUCLEIC_ACID_RULES, NUCLEIC_ACID_TEMPLATE, type CampaignTemplate } from '@gridsweep/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, wallAuth, type SignedIn } from '../support/accounts.js';
import { DIALECTS } from '../support/dialects.js';
import { smallTerritory } from '../support/small-territory.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

const WELFARE: CampaignTemplate = { ...NUCLEIC_ACID_TEMPLATE, id: 'welfare-check', version: 1, name: { zh: '独居老人探访', en: 'Welfare check' } };

interface Refusal {
  code: string;
  issues: { field: string; reason: string }[];
}

describe.each(DIALECTS)('campaign templates, rules and levels as documents on $name', (dialect) => {
  let server: TestServer;
  let supervisor: SignedIn;

  beforeAll(async () => {
    server = await startTestServer(dialect, { territory: smallTerritory() });
    supervisor = await signIn(server.app, 'supervisor', 'supervisor', { kind: 'everything' });
  });
  afterAll(async () => server.close());

  const send = (method: 'GET' | 'POST' | 'PUT', url: string, payload?: object, headers: object = server.auth) =>
    server.app.inject({ method, url, headers: headers as Record<string, string>, ...(payload ? { payload } : {}) });
  const templateList = async () => (await send('GET', '/api/v1/templates')).json<{ templates: { id: string; version: number }[] }>().templates;

  it('refuses a template with an error, naming the field, and stores nothing', async () => {
    const before = await templateList();
    const cases: [string, object, string][] = [
      ['a measure of an unknown kind (the shape)', { ...WELFARE, measures: [{ id: 'pie', kind: 'pie', name: WELFARE.name }] }, 'measures.0.kind'],
      ['a count its template does not have (the core)', { ...WELFARE, measures: [{ id: 'x', kind: 'count', name: WELFARE.name, count: 'markers.purple' }] }, 'measures.0.count'],
      ['an option counted as nothing the engine knows', { ...WELFARE, household: { ...WELFARE.household, outcome: { ...WELFARE.household.outcome, options: [{ id: 'x', name: WELFARE.name, counts: 'maybe' }] } } }, 'household.outcome.options.0.counts'],
      ['two options with one id', { ...WELFARE, member: { ...WELFARE.member, status: { ...WELFARE.member.status, options: [WELFARE.member.status.options[0]!, WELFARE.member.status.options[0]!] } } }, 'member.status.options'],
      ['a quick fill naming an option that is not there', { ...WELFARE, quickFills: [{ id: 'q', name: WELFARE.name, household: { outcome: 'teleported' }, member: {} }] }, 'quickFills.0.household.outcome'],
      ['no version', { ...WELFARE, version: undefined }, 'version'],
    ];
    for (const [what, body, field] of cases) {
      const response = await send('POST', '/api/v1/templates', body);
      expect(response.statusCode, what).toBe(400);
      const refusal = response.json<Refusal>();
      expect(refusal.code, what).toBe('VALIDATION_FAILED');
      expect(refusal.issues.map((issue) => issue.field), what).toContain(field);
    }
    expect(await templateList()).toEqual(before);
  });

  it('stores a new template version for an administrator only, refuses it twice, and serves every version', async () => {
    expect((await send('POST', '/api/v1/templates', WELFARE, supervisor.auth)).statusCode).toBe(403);
    const created = await send('POST', '/api/v1/templates', WELFARE);
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toEqual(WELFARE);
    expect((await send('POST', '/api/v1/templates', WELFARE)).json()).toMatchObject({ code: 'ALREADY_EXISTS' });
    const second = { ...WELFARE, version: 2, name: { zh: '独居老人探访（二）', en: 'Welfare check 2' } };
    expect((await send('POST', '/api/v1/templates', second)).statusCode).toBe(201);
    expect((await templateList()).filter((t) => t.id === 'welfare-check')).toEqual([
      { id: 'welfare-check', version: 1, name: WELFARE.name },
      { id: 'welfare-check', version: 2, name: second.name },
    ]);
    expect((await send('GET', '/api/v1/templates/welfare-check')).json()).toMatchObject({ version: 2 });
    expect((await send('GET', '/api/v1/templates/welfare-check?version=1')).json()).toEqual(WELFARE);
    expect((await send('GET', '/api/v1/templates/welfare-check?version=9')).json()).toMatchObject({ code: 'TEMPLATE_NOT_FOUND' });
    // The wall draws its legends from templates: every role that reads counts reads them.
    expect((await send('GET', '/api/v1/templates/welfare-check', undefined, wallAuth(server.app).auth)).statusCode).toBe(200);
    // The counting engine knows the new version at once: a round can be counted by it.
    const round = await send('POST', '/api/v1/rounds', { id: 'welfare', name: '探访', templateId: 'welfare-check', rulesId: 'nucleic-acid-default', areaId: 'c', startsAt: 0 });
    expect(round.json()).toMatchObject({ code: 'VALIDATION_FAILED', issues: [{ field: 'rulesId', reason: 'rules nucleic-acid-default are for template nucleic-acid, not welfare-check' }] });
    const audit = (await send('GET', '/api/v1/audit?limit=50')).json<{ action: string; target: string }[]>();
    expect(audit.filter((entry) => entry.action === 'template.create').map((entry) => entry.target)).toEqual(['template:welfare-check@2', 'template:welfare-check@1']);
  });

  it('refuses rules with an error, naming the field, and stores rules checked against their template', async () => {
    const rules = { ...NUCLEIC_ACID_RULES, id: 'welfare-default', templateId: 'welfare-check' };
    const cases: [string, object, string][] = [
      ['a colour measure the template does not have', { ...rules, colourMeasure: 'fullyVaccinated' }, 'colourMeasure'],
      ['a template that is not stored', { ...rules, templateId: 'moon-landing' }, 'templateId'],
      ['bands that do not start at 0', { ...rules, colourBands: [{ colour: 'red', from: 0.1 }] }, 'colourBands.0.from'],
      ['a share above 1', { ...rules, colourBands: [{ colour: 'red', from: 0 }, { colour: 'green', from: 1.5 }] }, 'colourBands.1.from'],
      ['a goal counting a marker the template lacks', { ...rules, goal: { name: rules.goal!.name, conditions: [{ count: 'markers.purple', max: 0 }] } }, 'goal.conditions.0.count'],
    ];
    for (const [what, body, field] of cases) {
      const response = await send('POST', '/api/v1/rules', body);
      expect(response.statusCode, what).toBe(400);
      expect(response.json<Refusal>().issues.map((issue) => issue.field), what).toContain(field);
    }
    expect((await send('GET', '/api/v1/rules')).json<{ rules: { id: string }[] }>().rules.map((r) => r.id)).not.toContain('welfare-default');
    expect((await send('POST', '/api/v1/rules', rules)).statusCode).toBe(201);
    expect((await send('GET', '/api/v1/rules/welfare-default?version=1')).json()).toEqual(rules);
    const round = await send('POST', '/api/v1/rounds', { id: 'welfare', name: '探访', templateId: 'welfare-check', rulesId: 'welfare-default', areaId: 'c', startsAt: 0 });
    expect(round.json()).toMatchObject({ templateVersion: 2, rulesVersion: 1 });
    expect((await send('GET', '/api/v1/rounds/welfare/campaign')).json()).toMatchObject({ round: { id: 'welfare' }, template: { id: 'welfare-check', version: 2 }, rules: { id: 'welfare-default' } });
  });

  it('serves the levels and lets an administrator rename them, but not move them while areas exist', async () => {
    expect((await send('GET', '/api/v1/levels')).json()).toEqual({ version: 1, levels: DEFAULT_LEVELS });
    const moved = await send('PUT', '/api/v1/levels', { levels: DEFAULT_LEVELS.filter((level) => level.id !== 'street') });
    expect(moved.statusCode).toBe(400);
    expect(moved.json<Refusal>().issues[0]).toEqual({ field: 'levels.2.id', reason: 'must stay street: stored areas use it at this depth' });
    expect((await send('PUT', '/api/v1/levels', { levels: DEFAULT_LEVELS }, supervisor.auth)).statusCode).toBe(403);
    const renamed = DEFAULT_LEVELS.map((level) => (level.id === 'grid' ? { ...level, name: { zh: '片区', en: 'Patch' } } : level));
    const answer = await send('PUT', '/api/v1/levels', { levels: renamed });
    expect(answer.json()).toEqual({ version: 2, levels: renamed });
    expect((await send('GET', '/api/v1/levels')).json()).toEqual({ version: 2, levels: renamed });
    // The counting engine and everything reading the territory's levels take the new names.
    expect(server.app.roster.territory.levels).toEqual(renamed);
  });
});
