import type { AreaGeometry, Point, Position } from '@gridsweep/core';
import Type, { type Static } from 'typebox';
import type { Assignable } from '../mirror.js';

// GeoJSON as the core stores it. A position is a pair the core types as a
// readonly tuple; JSON Schema 2020-12 (OpenAPI 3.1) and Ajv's draft-07 disagree
// on how to write a tuple, so it is written as a list of exactly two numbers
// and typed as the core's tuple.

export const PositionSchema = Type.Unsafe<Position>(
  Type.Array(Type.Number(), { minItems: 2, maxItems: 2, description: '[longitude, latitude] in degrees (WGS 84).' }),
);

export const PointSchema = Type.Object({ type: Type.Literal('Point'), coordinates: PositionSchema }, { additionalProperties: false });

const Ring = Type.Immutable(Type.Array(PositionSchema));

export const PolygonSchema = Type.Object(
  { type: Type.Literal('Polygon'), coordinates: Type.Immutable(Type.Array(Ring)) },
  { additionalProperties: false },
);

export const MultiPolygonSchema = Type.Object(
  { type: Type.Literal('MultiPolygon'), coordinates: Type.Immutable(Type.Array(Type.Immutable(Type.Array(Ring)))) },
  { additionalProperties: false },
);

/** Polygon or MultiPolygon; the core's validator checks that rings close and nest. */
export const AreaGeometrySchema = Type.Union([PolygonSchema, MultiPolygonSchema]);

export type PointMirrorsCore = [Assignable<Static<typeof PointSchema>, Point>, Assignable<Point, Static<typeof PointSchema>>];
export type AreaGeometryMirrorsCore = [
  Assignable<Static<typeof AreaGeometrySchema>, AreaGeometry>,
  Assignable<AreaGeometry, Static<typeof AreaGeometrySchema>>,
];
