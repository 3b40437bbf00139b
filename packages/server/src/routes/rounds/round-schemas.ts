import { errorResponses, idSchema } from '../shared/common-schemas.js';

const roundProperties = {
  id: idSchema,
  name: { type: 'string', minLength: 1 },
  templateId: { ...idSchema, description: 'A stored campaign template (GET /templates).' },
  templateVersion: { type: 'integer', minimum: 1 },
  rulesId: { ...idSchema, description: "Stored counting rules for the template (GET /rules)." },
  rulesVersion: { type: 'integer', minimum: 1 },
  areaId: idSchema,
  startsAt: { type: 'integer', description: 'Milliseconds since the Unix epoch.' },
} as const;

export const roundSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'name', 'templateId', 'templateVersion', 'rulesId', 'rulesVersion', 'areaId', 'startsAt'],
  properties: roundProperties,
} as const;

/** A new round may leave the versions out: the latest stored are taken. */
export const newRoundSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'name', 'templateId', 'rulesId', 'areaId', 'startsAt'],
  properties: roundProperties,
} as const;

export const listRoundsSchema = {
  summary: 'All rounds, oldest first',
  tags: ['rounds'],
  response: { 200: { type: 'array', items: roundSchema } },
} as const;

export const getRoundSchema = {
  summary: 'One round',
  tags: ['rounds'],
  params: { type: 'object', additionalProperties: false, required: ['roundId'], properties: { roundId: idSchema } },
  response: { 200: roundSchema, ...errorResponses(400, 404) },
} as const;

export const createRoundSchema = {
  summary: 'Open a round',
  tags: ['rounds'],
  body: newRoundSchema,
  response: { 201: roundSchema, ...errorResponses(400, 409) },
} as const;
