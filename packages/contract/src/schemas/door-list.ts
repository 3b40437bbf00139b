import Type from 'typebox';
import { IdSchema } from '../ids.js';
import { BuildingSchema } from './territory.js';

const ValuesSchema = Type.Record(Type.String(), Type.String(), {
  description: 'Field id to option id, the latest value of each field (last writer wins).',
});

/** A member on a door list: name and phone masked (张*明, 138****5678). */
export const MaskedMemberSchema = Type.Object(
  {
    id: IdSchema,
    name: Type.String({ description: 'Masked: 张*明.' }),
    phone: Type.Union([Type.String(), Type.Null()], { description: 'Masked: 138****5678.' }),
    birthYear: Type.Union([Type.Integer(), Type.Null()]),
    tags: Type.Immutable(Type.Array(Type.String())),
    values: ValuesSchema,
  },
  { additionalProperties: false },
);

/** A household with its members (masked) and a round's latest values. */
export const HouseholdWithStatusSchema = Type.Object(
  {
    id: IdSchema,
    unit: Type.Integer(),
    floor: Type.Integer(),
    room: Type.String(),
    vacant: Type.Boolean(),
    values: ValuesSchema,
    lastRecordedAt: Type.Union([Type.Integer(), Type.Null()], { description: 'The latest device time recorded in the round, epoch ms.' }),
    lastRecordedBy: Type.Union([Type.String(), Type.Null()], {
      description: 'The display name of the worker whose record is the latest in the round (no other personal data of theirs).',
    }),
    members: Type.Immutable(Type.Array(MaskedMemberSchema)),
  },
  { additionalProperties: false },
);

export const BuildingHouseholdsSchema = Type.Object(
  { building: BuildingSchema, households: Type.Immutable(Type.Array(HouseholdWithStatusSchema)) },
  { additionalProperties: false },
);

export const HouseholdAnswerSchema = Type.Object({ buildingId: IdSchema, household: HouseholdWithStatusSchema }, { additionalProperties: false });

/** One member's name and phone in full. */
export const RevealedMemberSchema = Type.Object(
  { id: IdSchema, householdId: IdSchema, name: Type.String(), phone: Type.Union([Type.String(), Type.Null()]) },
  { additionalProperties: false },
);
