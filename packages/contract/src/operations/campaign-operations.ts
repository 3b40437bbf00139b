import Type from 'typebox';
import { IdSchema } from '../ids.js';
import { operation } from '../operation.js';
import { CampaignTemplateSchema, TemplateSummarySchema } from '../schemas/campaign-template.js';
import { CountingRulesSchema, RulesSummarySchema } from '../schemas/counting-rules.js';
import { errorResponses } from '../schemas/error-body.js';
import { LevelsSchema, TerritoryLevelsSchema } from '../schemas/levels.js';

// Campaign templates, counting rules and the territory's levels: stored,
// versioned data. A stored version is never replaced; a change is a new version.

const VersionQuery = Type.Object(
  { version: Type.Optional(Type.Integer({ minimum: 1, description: 'A stored version; the latest when left out.' })) },
  { additionalProperties: false },
);

export const listTemplates = operation('GET', '/api/v1/templates', {
  operationId: 'listTemplates',
  summary: 'Every stored version of every campaign template',
  tags: ['campaigns'],
  response: { 200: Type.Object({ templates: Type.Immutable(Type.Array(TemplateSummarySchema)) }, { additionalProperties: false }) },
});

export const getTemplate = operation('GET', '/api/v1/templates/:templateId', {
  operationId: 'getTemplate',
  summary: 'One campaign template: its fields, options, measures, words and quick fills',
  tags: ['campaigns'],
  params: Type.Object({ templateId: IdSchema }, { additionalProperties: false }),
  querystring: VersionQuery,
  response: { 200: CampaignTemplateSchema, ...errorResponses(400, 404) },
});

export const createTemplate = operation('POST', '/api/v1/templates', {
  operationId: 'createTemplate',
  summary: 'Store a new campaign template, or a new version of one',
  description: 'Checked as the core checks a template (every problem named by its field); an id and version already stored is 409 ALREADY_EXISTS.',
  tags: ['campaigns'],
  body: CampaignTemplateSchema,
  response: { 201: CampaignTemplateSchema, ...errorResponses(400, 409) },
});

export const listRules = operation('GET', '/api/v1/rules', {
  operationId: 'listRules',
  summary: 'Every stored version of every set of counting rules',
  tags: ['campaigns'],
  response: { 200: Type.Object({ rules: Type.Immutable(Type.Array(RulesSummarySchema)) }, { additionalProperties: false }) },
});

export const getRules = operation('GET', '/api/v1/rules/:rulesId', {
  operationId: 'getRules',
  summary: 'One set of counting rules: colour bands, goal and projection window',
  tags: ['campaigns'],
  params: Type.Object({ rulesId: IdSchema }, { additionalProperties: false }),
  querystring: VersionQuery,
  response: { 200: CountingRulesSchema, ...errorResponses(400, 404) },
});

export const createRules = operation('POST', '/api/v1/rules', {
  operationId: 'createRules',
  summary: 'Store new counting rules, or a new version of them',
  description: "Checked against the latest version of the template they name: the colour measure and the goal's conditions must be the template's. An id and version already stored is 409 ALREADY_EXISTS.",
  tags: ['campaigns'],
  body: CountingRulesSchema,
  response: { 201: CountingRulesSchema, ...errorResponses(400, 409) },
});

export const getLevels = operation('GET', '/api/v1/levels', {
  operationId: 'getLevels',
  summary: "The territory's levels, root first, and their version",
  tags: ['campaigns'],
  response: { 200: TerritoryLevelsSchema },
});

export const setLevels = operation('PUT', '/api/v1/levels', {
  operationId: 'setLevels',
  summary: "Change the territory's levels; answers the new version",
  description: 'While areas exist only the names may change: the ids, their order and their number stay.',
  tags: ['campaigns'],
  body: Type.Object({ levels: LevelsSchema }, { additionalProperties: false }),
  response: { 200: TerritoryLevelsSchema, ...errorResponses(400, 409) },
});
