import Type from 'typebox';
import { Id, IdSchema } from '../ids.js';
import { AREA_TILE_MAX_ZOOM, MAX_REVEAL_REASON_LENGTH, MIN_REVEAL_REASON_LENGTH, REVEAL_PURPOSES } from '../limits.js';
import { operation } from '../operation.js';
import { SafeText } from '../safe-text.js';
import { AreaFeatureCollectionSchema } from '../schemas/area-collection.js';
import { BuildingHouseholdsSchema, HouseholdAnswerSchema, RevealedMemberSchema } from '../schemas/door-list.js';
import { errorResponses } from '../schemas/error-body.js';
import { AreaSchema, BuildingSchema, HouseholdSchema, MemberCreatedSchema, NewHouseholdSchema, NewMemberSchema } from '../schemas/territory.js';

/** The one layer of an area tile; each feature carries only the area's `id`. */
export const AREA_TILE_LAYER = 'areas';
export const AREA_TILE_TYPE = 'application/vnd.mapbox-vector-tile';

const Level = SafeText({ description: 'A level id of the territory, e.g. microgrid.' });
const AreaIdParams = Type.Object({ areaId: IdSchema }, { additionalProperties: false });
const RoundQuery = Type.Object({ roundId: Type.Optional(IdSchema) }, { additionalProperties: false });
const TileNumber = Type.Integer({ minimum: 0 });

export const listAreas = operation('GET', '/api/v1/areas', {
  operationId: 'listAreas',
  summary: 'Areas by level and/or parent',
  tags: ['territory'],
  querystring: Type.Object(
    {
      level: Type.Optional(Level),
      parentId: Type.Optional(Id('Children of this area; omit both filters for the roots.')),
      within: Type.Optional(Id('With level: the areas of that level inside this area.')),
    },
    { additionalProperties: false },
  ),
  response: { 200: Type.Immutable(Type.Array(AreaSchema)), ...errorResponses(400, 404) },
});

export const getAreaCollection = operation('GET', '/api/v1/areas.geojson', {
  operationId: 'getAreaCollection',
  summary: 'Areas of one level as a GeoJSON FeatureCollection, for the map',
  description:
    "With geometry=none every feature's geometry is null: the map draws outlines from GET /api/v1/area-tiles/{z}/{x}/{y} " +
    'and takes names, parents and ancestry from here. bbox spans the geometries either way.',
  tags: ['territory'],
  querystring: Type.Object(
    {
      level: Level,
      within: Type.Optional(IdSchema),
      geometry: Type.Enum(['full', 'none'], { default: 'full', description: 'none: each geometry is null.' }),
    },
    { additionalProperties: false },
  ),
  response: { 200: AreaFeatureCollectionSchema, ...errorResponses(400, 404) },
});

export const getAreaTile = operation('GET', '/api/v1/area-tiles/:z/:x/:y', {
  operationId: 'getAreaTile',
  summary: 'Outlines of the areas of one level as a Mapbox vector tile, for the map',
  description:
    `The same areas as GET /api/v1/areas.geojson for the same level, within and caller, cut into z/x/y tiles ` +
    `(z from 0 to ${AREA_TILE_MAX_ZOOM}; x and y from 0 to 2^z − 1). One layer, \`${AREA_TILE_LAYER}\`; each feature has only ` +
    "the property `id`, the area's id: names and ancestry come from areas.geojson?geometry=none. A tile no area reaches " +
    'is answered with an empty body. Each answer carries an ETag that changes when the areas change; send it back ' +
    'in If-None-Match to get 304.',
  tags: ['territory'],
  params: Type.Object({ z: Type.Integer({ minimum: 0, maximum: AREA_TILE_MAX_ZOOM }), x: TileNumber, y: TileNumber }, { additionalProperties: false }),
  querystring: Type.Object({ level: Level, within: Type.Optional(IdSchema) }, { additionalProperties: false }),
  response: {
    // Not JSON: an OpenAPI response object of its own, typed as the bytes a handler sends.
    200: Type.Unsafe<Uint8Array>({
      description: 'The tile; empty where no area reaches.',
      headers: {
        etag: { type: 'string', description: 'Changes whenever the areas of this view change.' },
        'cache-control': { type: 'string', description: 'private, no-cache: revalidate with If-None-Match.' },
      },
      content: { [AREA_TILE_TYPE]: { schema: { type: 'string', format: 'binary' } } },
    }),
    304: Type.Null({ description: 'If-None-Match named the current ETag: the tile held is still right.' }),
    ...errorResponses(400, 404),
  },
});

export const getArea = operation('GET', '/api/v1/areas/:areaId', {
  operationId: 'getArea',
  summary: 'One area',
  tags: ['territory'],
  params: AreaIdParams,
  response: { 200: AreaSchema, ...errorResponses(400, 404) },
});

export const listAreaBuildings = operation('GET', '/api/v1/areas/:areaId/buildings', {
  operationId: 'listAreaBuildings',
  summary: "A micro-grid's buildings",
  tags: ['territory'],
  params: AreaIdParams,
  response: { 200: Type.Immutable(Type.Array(BuildingSchema)), ...errorResponses(400, 404) },
});

export const listBuildingHouseholds = operation('GET', '/api/v1/buildings/:buildingId/households', {
  operationId: 'listBuildingHouseholds',
  summary: "A building's households with their members and, for a round, their latest recorded status",
  tags: ['territory'],
  params: Type.Object({ buildingId: IdSchema }, { additionalProperties: false }),
  querystring: RoundQuery,
  response: { 200: BuildingHouseholdsSchema, ...errorResponses(400, 404) },
});

export const getHousehold = operation('GET', '/api/v1/households/:householdId', {
  operationId: 'getHousehold',
  summary: 'One household with its members (masked) and, for a round, its latest recorded status',
  tags: ['territory'],
  params: Type.Object({ householdId: IdSchema }, { additionalProperties: false }),
  querystring: RoundQuery,
  response: { 200: HouseholdAnswerSchema, ...errorResponses(400, 404) },
});

export const revealMember = operation('POST', '/api/v1/members/:memberId/reveal', {
  operationId: 'revealMember',
  summary: "One member's name and phone in full; the purpose and reason are kept in the audit log. Limited per user and period (429 past it).",
  tags: ['territory'],
  params: Type.Object({ memberId: IdSchema }, { additionalProperties: false }),
  body: Type.Object(
    {
      purpose: Type.Enum([...REVEAL_PURPOSES], { description: 'What the full record is needed for; `other` when none fits, with the reason saying what.' }),
      reason: SafeText({
        minLength: MIN_REVEAL_REASON_LENGTH,
        maxLength: MAX_REVEAL_REASON_LENGTH,
        description: 'Why the full record is needed, e.g. "home sampling visit, phone to arrange time".',
      }),
    },
    { additionalProperties: false },
  ),
  response: { 200: RevealedMemberSchema, ...errorResponses(400, 404, 429) },
});

export const createArea = operation('POST', '/api/v1/areas', {
  operationId: 'createArea',
  summary: 'Add an area',
  tags: ['territory'],
  body: AreaSchema,
  response: { 201: AreaSchema, ...errorResponses(400, 409) },
});

export const createBuilding = operation('POST', '/api/v1/buildings', {
  operationId: 'createBuilding',
  summary: 'Add a building',
  tags: ['territory'],
  body: BuildingSchema,
  response: { 201: BuildingSchema, ...errorResponses(400, 409) },
});

export const createHousehold = operation('POST', '/api/v1/households', {
  operationId: 'createHousehold',
  summary: 'Add a household',
  tags: ['territory'],
  body: NewHouseholdSchema,
  response: { 201: HouseholdSchema, ...errorResponses(400, 409) },
});

export const createMember = operation('POST', '/api/v1/members', {
  operationId: 'createMember',
  summary: 'Add a member',
  tags: ['territory'],
  body: NewMemberSchema,
  response: { 201: MemberCreatedSchema, ...errorResponses(400, 409) },
});
