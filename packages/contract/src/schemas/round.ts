import type { Round } from '@gridsweep/core';
import Type, { type Static } from 'typebox';
import { IdSchema } from '../ids.js';
import type { Assignable } from '../mirror.js';
import { SafeText } from '../safe-text.js';

/** One campaign pass over a territory, e.g. "11-14 全员核酸". */
export const RoundSchema = Type.Object(
  {
    id: IdSchema,
    name: SafeText({ minLength: 1 }),
    templateId: SafeText({ description: 'The campaign template the round records.' }),
    areaId: IdSchema,
    startsAt: Type.Integer({ description: 'Milliseconds since the Unix epoch.' }),
  },
  { additionalProperties: false },
);

export type RoundMirrorsCore = [Assignable<Static<typeof RoundSchema>, Round>, Assignable<Round, Static<typeof RoundSchema>>];
