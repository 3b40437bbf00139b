import Type from 'typebox';

/** A round's progress at one moment, as the server sampled it: counts of the round's own area only. */
export const ProgressSampleSchema = Type.Object(
  {
    at: Type.Integer({ description: 'When the sample was taken, epoch ms.' }),
    households: Type.Object({ visited: Type.Integer(), toVisit: Type.Integer() }, { additionalProperties: false }),
    members: Type.Object({ done: Type.Integer(), eligible: Type.Integer() }, { additionalProperties: false }),
  },
  { additionalProperties: false },
);
