import { AREA_TILE_LAYER, AREA_TILE_MAX_ZOOM } from '../../area-tiles/area-tile-set.js';
import { errorResponses, idSchema } from '../shared/common-schemas.js';

export const AREA_TILE_TYPE = 'application/vnd.mapbox-vector-tile';

const tileNumber = { type: 'integer', minimum: 0 } as const;

export const areaTileSchema = {
  summary: 'Outlines of the areas of one level as a Mapbox vector tile, for the map',
  description:
    `The same areas as GET /api/v1/areas.geojson for the same level, within and caller, cut into z/x/y tiles ` +
    `(z from 0 to ${AREA_TILE_MAX_ZOOM}; x and y from 0 to 2^z − 1). One layer, \`${AREA_TILE_LAYER}\`; each feature has only ` +
    'the property `id`, the area\'s id: names and ancestry come from areas.geojson?geometry=none. A tile no area reaches ' +
    'is answered with an empty body. Each answer carries an ETag that changes when the areas change; send it back ' +
    'in If-None-Match to get 304.',
  tags: ['territory'],
  params: {
    type: 'object',
    additionalProperties: false,
    required: ['z', 'x', 'y'],
    properties: { z: { ...tileNumber, maximum: AREA_TILE_MAX_ZOOM }, x: tileNumber, y: tileNumber },
  },
  querystring: {
    type: 'object',
    additionalProperties: false,
    required: ['level'],
    properties: { level: { type: 'string' }, within: idSchema },
  },
  response: {
    200: {
      description: 'The tile; empty where no area reaches.',
      headers: {
        etag: { type: 'string', description: 'Changes whenever the areas of this view change.' },
        'cache-control': { type: 'string', description: 'private, no-cache: revalidate with If-None-Match.' },
      },
      content: { [AREA_TILE_TYPE]: { schema: { type: 'string', format: 'binary' } } },
    },
    304: { description: 'If-None-Match named the current ETag: the tile held is still right.', type: 'null' },
    ...errorResponses(400, 404),
  },
} as const;
