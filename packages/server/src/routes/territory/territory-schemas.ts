import { areaGeometrySchema, errorResponses, idSchema, pointSchema } from '../shared/common-schemas.js';

export const areaSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'parentId', 'level', 'name'],
  properties: {
    id: idSchema,
    parentId: { anyOf: [idSchema, { type: 'null' }] },
    level: { type: 'string' },
    name: { type: 'string', minLength: 1 },
    geometry: { anyOf: [areaGeometrySchema, { type: 'null' }] },
  },
} as const;

export const buildingSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'areaId', 'name', 'units', 'floors'],
  properties: {
    id: idSchema,
    areaId: idSchema,
    name: { type: 'string', minLength: 1 },
    units: { type: 'integer' },
    floors: { type: 'integer' },
    location: { anyOf: [pointSchema, { type: 'null' }] },
  },
} as const;

export const householdSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'buildingId', 'unit', 'floor', 'room'],
  properties: {
    id: idSchema,
    buildingId: idSchema,
    unit: { type: 'integer' },
    floor: { type: 'integer' },
    room: { type: 'string', minLength: 1 },
    vacant: { type: 'boolean' },
  },
} as const;

/** A member as written. Reads never return members' names or phones: see householdStatusSchema. */
export const memberSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'householdId', 'name'],
  properties: {
    id: idSchema,
    householdId: idSchema,
    name: { type: 'string', minLength: 1 },
    phone: { anyOf: [{ type: 'string' }, { type: 'null' }] },
    birthYear: { anyOf: [{ type: 'integer' }, { type: 'null' }] },
    tags: { type: 'array', items: { type: 'string' } },
  },
} as const;

export const listAreasSchema = {
  summary: 'Areas by level and/or parent',
  tags: ['territory'],
  querystring: {
    type: 'object',
    additionalProperties: false,
    properties: {
      level: { type: 'string' },
      parentId: { ...idSchema, description: 'Children of this area; omit both filters for the roots.' },
      within: { ...idSchema, description: 'With level: the areas of that level inside this area.' },
    },
  },
  response: { 200: { type: 'array', items: areaSchema }, ...errorResponses(400, 404) },
} as const;

export const areasGeojsonSchema = {
  summary: 'Areas of one level as a GeoJSON FeatureCollection, for the map',
  description:
    'With geometry=none every feature\'s geometry is null: the map draws outlines from GET /api/v1/area-tiles/{z}/{x}/{y} ' +
    'and takes names, parents and ancestry from here. bbox spans the geometries either way.',
  tags: ['territory'],
  querystring: {
    type: 'object',
    additionalProperties: false,
    required: ['level'],
    properties: {
      level: { type: 'string' },
      within: idSchema,
      geometry: { enum: ['full', 'none'], default: 'full', description: 'none: each geometry is null.' },
    },
  },
  response: {
    200: {
      type: 'object',
      additionalProperties: false,
      required: ['type', 'features'],
      properties: {
        type: { const: 'FeatureCollection' },
        bbox: {
          description: "[west, south, east, north] over the features' geometries (RFC 7946 §5); absent when none has one.",
          type: 'array',
          items: { type: 'number' },
          minItems: 4,
          maxItems: 4,
        },
        features: {
          type: 'array',
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['type', 'id', 'geometry', 'properties'],
            properties: {
              type: { const: 'Feature' },
              id: { type: 'string' },
              geometry: { anyOf: [areaGeometrySchema, { type: 'null' }] },
              properties: {
                type: 'object',
                additionalProperties: false,
                required: ['id', 'parentId', 'ancestry', 'level', 'name'],
                properties: {
                  id: { type: 'string' },
                  parentId: { anyOf: [{ type: 'string' }, { type: 'null' }] },
                  ancestry: {
                    description:
                      'The two nearest ancestors, nearest first, to tell apart areas of the same name: every community has a 2-2微网格 in its 第2网格.',
                    type: 'array',
                    maxItems: 2,
                    items: {
                      type: 'object',
                      additionalProperties: false,
                      required: ['id', 'name'],
                      properties: { id: { type: 'string' }, name: { type: 'string' } },
                    },
                  },
                  level: { type: 'string' },
                  name: { type: 'string' },
                },
              },
            },
          },
        },
      },
    },
    ...errorResponses(400, 404),
  },
} as const;

export const getAreaSchema = {
  summary: 'One area',
  tags: ['territory'],
  params: { type: 'object', additionalProperties: false, required: ['areaId'], properties: { areaId: idSchema } },
  response: { 200: areaSchema, ...errorResponses(400, 404) },
} as const;

export const areaBuildingsSchema = {
  summary: "A micro-grid's buildings",
  tags: ['territory'],
  params: { type: 'object', additionalProperties: false, required: ['areaId'], properties: { areaId: idSchema } },
  response: { 200: { type: 'array', items: buildingSchema }, ...errorResponses(400, 404) },
} as const;

function created<S>(summary: string, body: S) {
  return { summary, tags: ['territory'], body, response: { 201: body, ...errorResponses(400, 409) } } as const;
}

export const createAreaSchema = created('Add an area', areaSchema);
export const createBuildingSchema = created('Add a building', buildingSchema);
export const createHouseholdSchema = created('Add a household', householdSchema);
export const createMemberSchema = {
  summary: 'Add a member',
  tags: ['territory'],
  body: memberSchema,
  response: {
    201: {
      type: 'object',
      additionalProperties: false,
      required: ['id', 'householdId'],
      properties: { id: idSchema, householdId: idSchema },
    },
    ...errorResponses(400, 409),
  },
} as const;
