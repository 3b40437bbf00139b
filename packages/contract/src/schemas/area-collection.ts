import Type from 'typebox';
import { AreaGeometrySchema } from './geometry.js';

/** Names and places of an area, without its outline: what lists, cards and the map's hover need. */
export const AreaPropertiesSchema = Type.Object(
  {
    id: Type.String(),
    parentId: Type.Union([Type.String(), Type.Null()]),
    ancestry: Type.Immutable(
      Type.Array(Type.Object({ id: Type.String(), name: Type.String() }, { additionalProperties: false }), {
        maxItems: 2,
        description: 'The two nearest ancestors, nearest first, to tell apart areas of the same name: every community has a 2-2微网格 in its 第2网格.',
      }),
    ),
    level: Type.String(),
    name: Type.String(),
    outlined: Type.Optional(
      Type.Boolean({ description: 'false for an area without an outline (imported from a code list): the map cannot draw it, and says so; lists count it like any other.' }),
    ),
  },
  { additionalProperties: false },
);

export const AreaFeatureSchema = Type.Object(
  {
    type: Type.Literal('Feature'),
    id: Type.String(),
    geometry: Type.Union([AreaGeometrySchema, Type.Null()]),
    properties: AreaPropertiesSchema,
  },
  { additionalProperties: false },
);

/** [west, south, east, north], RFC 7946 §5. */
export const BoundingBoxSchema = Type.Unsafe<readonly [west: number, south: number, east: number, north: number]>(
  Type.Array(Type.Number(), {
    minItems: 4,
    maxItems: 4,
    description: "[west, south, east, north] over the features' geometries (RFC 7946 §5); absent when none has one.",
  }),
);

export const AreaFeatureCollectionSchema = Type.Object(
  {
    type: Type.Literal('FeatureCollection'),
    bbox: Type.Optional(BoundingBoxSchema),
    features: Type.Immutable(Type.Array(AreaFeatureSchema)),
  },
  { additionalProperties: false },
);
