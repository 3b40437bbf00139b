import type { Levels } from '@gridsweep/core';
import Type, { type Static } from 'typebox';
import { IdSchema } from '../ids.js';
import type { Assignable } from '../mirror.js';
import { LocalizedTextSchema } from './localized-text.js';

/** The levels of the territory tree, root first (city, district, street ...); buildings hang below the last. */
export const LevelsSchema = Type.Immutable(Type.Array(Type.Object({ id: IdSchema, name: LocalizedTextSchema }, { additionalProperties: false }), { minItems: 1 }));

export type LevelsMirrorsCore = [Assignable<Static<typeof LevelsSchema>, Levels>, Assignable<Levels, Static<typeof LevelsSchema>>];

/** The levels as stored: each change is a new version. */
export const TerritoryLevelsSchema = Type.Object({ version: Type.Integer({ minimum: 1 }), levels: LevelsSchema }, { additionalProperties: false });
