import Type from 'typebox';
import { IdSchema } from '../ids.js';
import { HouseholdCountsSchema } from './area-counts.js';

/** One micro-grid a field worker sweeps, with where its households stand in a round. Counts only. */
export const AssignedMicrogridSchema = Type.Object(
  {
    areaId: IdSchema,
    name: Type.String(),
    parentName: Type.Union([Type.String(), Type.Null()], { description: "The grid above it, so two micro-grids of one name are told apart." }),
    buildings: Type.Integer(),
    households: HouseholdCountsSchema,
    left: Type.Integer({ description: 'Households to visit that no one has recorded yet: toVisit − visited − noAnswer − refused.' }),
  },
  { additionalProperties: false },
);

export const SweepAssignmentsSchema = Type.Object(
  {
    roundId: IdSchema,
    microgrids: Type.Immutable(Type.Array(AssignedMicrogridSchema, { description: 'Most left first; ties by name.' })),
  },
  { additionalProperties: false },
);
