import type { Area, Building, Household, Member } from '@gridsweep/core';
import Type, { type Static } from 'typebox';
import { IdSchema } from '../ids.js';
import type { Assignable } from '../mirror.js';
import { SafeText } from '../safe-text.js';
import { AreaGeometrySchema, PointSchema } from './geometry.js';

// The roster as it is written and read: areas, buildings, households, members.
// The core's validators check what a schema cannot (a level under its parent,
// a household's building existing, a member's tags among the template's groups).

export const AreaSchema = Type.Object(
  {
    id: IdSchema,
    parentId: Type.Union([Type.Null(), IdSchema], { description: 'null only at the root.' }),
    level: SafeText({ description: 'A level id of the territory, e.g. microgrid.' }),
    name: SafeText({ minLength: 1 }),
    geometry: Type.Optional(Type.Union([Type.Null(), AreaGeometrySchema])),
  },
  { additionalProperties: false },
);

export type AreaMirrorsCore = [Assignable<Static<typeof AreaSchema>, Area>, Assignable<Area, Static<typeof AreaSchema>>];

export const BuildingSchema = Type.Object(
  {
    id: IdSchema,
    areaId: IdSchema,
    name: SafeText({ minLength: 1 }),
    units: Type.Integer(),
    floors: Type.Integer(),
    location: Type.Optional(Type.Union([Type.Null(), PointSchema])),
  },
  { additionalProperties: false },
);

export type BuildingMirrorsCore = [Assignable<Static<typeof BuildingSchema>, Building>, Assignable<Building, Static<typeof BuildingSchema>>];

const householdProperties = {
  id: IdSchema,
  buildingId: IdSchema,
  unit: Type.Integer(),
  floor: Type.Integer(),
  room: SafeText({ minLength: 1, maxLength: 20 }),
};

/** A household as stored and answered. */
export const HouseholdSchema = Type.Object(
  { ...householdProperties, vacant: Type.Boolean({ description: 'The roster says nobody lives here: it is not to be visited.' }) },
  { additionalProperties: false },
);

export type HouseholdMirrorsCore = [Assignable<Static<typeof HouseholdSchema>, Household>, Assignable<Household, Static<typeof HouseholdSchema>>];

/** A household as written: vacant defaults to false. */
export const NewHouseholdSchema = Type.Object(
  { ...householdProperties, vacant: Type.Optional(Type.Boolean({ description: 'Defaults to false.' })) },
  { additionalProperties: false },
);

/** A member as written. Reads never answer members' names or phones in full: see the door list and reveal. */
export const NewMemberSchema = Type.Object(
  {
    id: IdSchema,
    householdId: IdSchema,
    name: SafeText({ minLength: 1, maxLength: 60 }),
    phone: Type.Optional(Type.Union([Type.Null(), SafeText()])),
    birthYear: Type.Optional(Type.Union([Type.Null(), Type.Integer()])),
    tags: Type.Optional(Type.Immutable(Type.Array(SafeText(), { description: "Special-group ids of the round's template." }))),
  },
  { additionalProperties: false },
);

/** Any core member can be written as it is. */
export type NewMemberTakesCore = Assignable<Member, Static<typeof NewMemberSchema>>;

export const MemberCreatedSchema = Type.Object({ id: IdSchema, householdId: IdSchema }, { additionalProperties: false });
