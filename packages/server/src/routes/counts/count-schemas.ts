import { errorResponses, idSchema } from '../shared/common-schemas.js';
import { figuresSchema } from './figure-schemas.js';

function closed(properties: readonly string[], description?: string) {
  return {
    type: 'object',
    additionalProperties: false,
    required: properties,
    properties: Object.fromEntries(properties.map((name) => [name, { type: 'integer' }])),
    ...(description ? { description } : {}),
  } as const;
}

export const areaCountsSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['households', 'members', 'markers', 'specialGroups'],
  properties: {
    households: closed(['total', 'toVisit', 'visited', 'noAnswer', 'refused', 'vacant'], 'toVisit = total - vacant'),
    members: closed(['total', 'eligible', 'done', 'exempt', 'away', 'reached'], "Members of the template's population; eligible = total - exempt - away; reached: in a visited household"),
    markers: { type: 'object', description: "By option id of the round template's marker (e.g. the health code).", additionalProperties: { type: 'integer' } },
    specialGroups: {
      type: 'object',
      description: "By special-group id of the round's template.",
      additionalProperties: closed(['total', 'notVisited', 'notDone']),
    },
  },
} as const;

const roundAndArea = {
  type: 'object',
  additionalProperties: false,
  required: ['roundId', 'areaId'],
  properties: { roundId: idSchema, areaId: idSchema },
} as const;

export const areaCountsRouteSchema = {
  summary: "One area's counts in a round, with the figures the rules make of them and how",
  tags: ['counts'],
  params: roundAndArea,
  response: {
    200: {
      type: 'object',
      additionalProperties: false,
      required: ['roundId', 'areaId', 'counts', 'figures'],
      properties: { roundId: idSchema, areaId: idSchema, counts: areaCountsSchema, figures: figuresSchema },
    },
    ...errorResponses(400, 404),
  },
} as const;

export const levelCountsRouteSchema = {
  summary: 'The counts of every area of one level inside an area, in one call (for the map)',
  tags: ['counts'],
  params: { type: 'object', additionalProperties: false, required: ['roundId'], properties: { roundId: idSchema } },
  querystring: {
    type: 'object',
    additionalProperties: false,
    required: ['level'],
    properties: { level: { type: 'string' }, within: { ...idSchema, description: "Defaults to the round's area." } },
  },
  response: {
    200: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['areaId', 'counts', 'figures'],
        properties: { areaId: idSchema, counts: areaCountsSchema, figures: figuresSchema },
      },
    },
    ...errorResponses(400, 404),
  },
} as const;
