import Type from 'typebox';
import { IdSchema } from '../ids.js';
import { HouseholdCountsSchema } from './area-counts.js';
import { PointSchema } from './geometry.js';

/** A building of a micro-grid with where its households stand in a round: what the map draws as a point. Counts only. */
export const BuildingWithCountsSchema = Type.Object(
  {
    id: IdSchema,
    name: Type.String(),
    units: Type.Integer(),
    floors: Type.Integer(),
    location: Type.Union([PointSchema, Type.Null()]),
    households: HouseholdCountsSchema,
  },
  { additionalProperties: false },
);
