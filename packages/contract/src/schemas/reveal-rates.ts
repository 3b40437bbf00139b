import Type from 'typebox';

/** The longest window the reveal rates look back over: a week. */
export const MAX_REVEAL_RATE_MINUTES = 7 * 24 * 60;

/** Why a user's reveals stand out; a row may carry several. */
export const UNUSUAL_REVEAL_REASONS = ['near-limit', 'far-above-median', 'refused'] as const;

export const RevealRatesQuerySchema = Type.Object(
  {
    minutes: Type.Optional(
      Type.Integer({ minimum: 1, maximum: MAX_REVEAL_RATE_MINUTES, description: "How far back to look, in minutes; the reveal limit's window when absent." }),
    ),
  },
  { additionalProperties: false },
);

export const RevealRateSchema = Type.Object(
  {
    actorId: Type.String(),
    actorRole: Type.String(),
    reveals: Type.Integer({ minimum: 0, description: 'Members shown in full in the window.' }),
    distinctMembers: Type.Integer({ minimum: 0 }),
    refused: Type.Integer({ minimum: 0, description: 'Reveals refused by the per-user limit in the window.' }),
    purposes: Type.Record(Type.String(), Type.Integer({ minimum: 0 }), { description: 'Reveals (and refusals) by the purpose given.' }),
    lastAt: Type.String({ format: 'date-time' }),
    unusual: Type.Boolean(),
    why: Type.Array(Type.Enum([...UNUSUAL_REVEAL_REASONS])),
  },
  { additionalProperties: false },
);

export const RevealRatesSchema = Type.Object(
  {
    windowMinutes: Type.Integer({ minimum: 1 }),
    since: Type.String({ format: 'date-time' }),
    /** Reveals the limit lets one user make over this window; null when the limit is off. */
    allowance: Type.Union([Type.Number(), Type.Null()]),
    medianReveals: Type.Number({ minimum: 0, description: 'The median of reveals of the users who revealed in the window.' }),
    users: Type.Array(RevealRateSchema, { description: 'Every user who revealed or was refused in the window, unusual first, then by reveals.' }),
  },
  { additionalProperties: false },
);
