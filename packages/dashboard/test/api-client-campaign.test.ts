import { createServer, type Server } from 'node:http';
import { DEFAULT_LEVELS, ELDERLY_VACCINATION_RULES, ELDERLY_VACCINATION_TEMPLATE } from '@gridsweep/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiClient, ApiError } from '../src/lib/api/api-client.js';

const ROUND = { id: 'r-2', name: '老年人疫苗接种摸排', templateId: 'elderly-vaccination', templateVersion: 1, rulesId: 'elderly-vaccination-default', rulesVersion: 1, areaId: 'city-1', startsAt: 0 };

// A real HTTP server standing in for the campaign and levels routes; each test says what it answers.
describe('ApiClient campaign and levels', () => {
  let server: Server;
  let client: ApiClient;
  let answers: Record<string, unknown>;

  beforeEach(async () => {
    answers = {};
    server = createServer((request, response) => {
      response.setHeader('content-type', 'application/json');
      response.end(JSON.stringify(answers[request.url ?? ''] ?? null));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    client = new ApiClient(`http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`, undefined, { token: 't', reject: () => {} });
  });

  afterEach(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  it("reads a round's template and rules", async () => {
    answers['/api/v1/rounds/r-2/campaign'] = { round: ROUND, template: ELDERLY_VACCINATION_TEMPLATE, rules: ELDERLY_VACCINATION_RULES };
    const campaign = await client.campaign('r-2');
    expect(campaign.template.measures.map((measure) => measure.id)).toEqual(['coverage', 'reached', 'fullyVaccinated', 'homeRequests', 'specialGroups']);
    expect(campaign.rules.goal?.name.zh).toBe('摸排完成');
  });

  it('refuses a template that is not the contract\'s shape, naming the operation and the field', async () => {
    const broken = { ...ELDERLY_VACCINATION_TEMPLATE, measures: [{ id: 'x', kind: 'share', name: { zh: 'x', en: 'x' }, numerator: 'members.tested', denominator: 'members.total' }] };
    answers['/api/v1/rounds/r-2/campaign'] = { round: ROUND, template: broken, rules: ELDERLY_VACCINATION_RULES };
    const failure = client.campaign('r-2');
    await expect(failure).rejects.toBeInstanceOf(ApiError);
    await expect(failure).rejects.toThrow(/\(getRoundCampaign\): template\.measures\.0\.numerator must name a count/);
  });

  it('refuses a template of the right shape that the core would not store, naming the field', async () => {
    // A marker option the template does not have: a schema cannot know the template's own options.
    const broken = { ...ELDERLY_VACCINATION_TEMPLATE, measures: [{ id: 'x', kind: 'count', name: { zh: 'x', en: 'x' }, count: 'markers.purple' }] };
    answers['/api/v1/rounds/r-2/campaign'] = { round: ROUND, template: broken, rules: ELDERLY_VACCINATION_RULES };
    await expect(client.campaign('r-2')).rejects.toThrow(/template: measures\.0\.count/);
  });

  it('refuses rules that name a measure their template does not have', async () => {
    answers['/api/v1/rounds/r-2/campaign'] = { round: ROUND, template: ELDERLY_VACCINATION_TEMPLATE, rules: { ...ELDERLY_VACCINATION_RULES, colourMeasure: 'testRate' } };
    await expect(client.campaign('r-2')).rejects.toThrow(/rules: colourMeasure/);
  });

  it('reads the territory levels, and refuses a list that is not levels', async () => {
    answers['/api/v1/levels'] = { version: 3, levels: DEFAULT_LEVELS };
    expect((await client.levels()).levels.map((level) => level.id)).toEqual(DEFAULT_LEVELS.map((level) => level.id));
    answers['/api/v1/levels'] = { version: 4, levels: [] };
    await expect(client.levels()).rejects.toThrow(/levels/);
  });
});
