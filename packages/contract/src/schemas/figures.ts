import type { AreaEvaluation } from '@gridsweep/core';
import Type, { type Static } from 'typebox';
import type { Assignable } from '../mirror.js';
import { CountPathSchema } from './area-counts.js';
import { LocalizedTextSchema as Text } from './localized-text.js';

// The shape of the core's AreaEvaluation (evaluateArea): each share measure of
// the round's template, the map colour and the rules' goal, with the numbers
// each is made of and the rules that made it.

const Rule = Type.Object({ id: Type.String(), version: Type.Integer() }, { additionalProperties: false });
const RatioOrNull = Type.Union([Type.Number(), Type.Null()]);
const MeasureId = Type.String({ description: "A measure id of the round's template." });

const FigurePart = Type.Object({ label: Text, value: Type.Number(), sign: Type.Enum([1, -1]) }, { additionalProperties: false });

const Ratio = Type.Object(
  {
    measure: MeasureId,
    label: Text,
    value: Type.Union([Type.Number(), Type.Null()], { description: 'null when the denominator is 0' }),
    numerator: Type.Object({ path: CountPathSchema, label: Text, value: Type.Number() }, { additionalProperties: false }),
    denominator: Type.Object(
      { path: CountPathSchema, label: Text, value: Type.Number(), parts: Type.Immutable(Type.Array(FigurePart)) },
      { additionalProperties: false },
    ),
    rule: Rule,
    text: Text,
  },
  { additionalProperties: false },
);

const Colour = Type.Object(
  {
    colour: Type.Enum(['red', 'orange', 'yellow', 'green', 'grey']),
    measure: MeasureId,
    value: RatioOrNull,
    band: Type.Union([Type.Object({ from: Type.Number(), below: RatioOrNull }, { additionalProperties: false }), Type.Null()]),
    rule: Rule,
    text: Text,
  },
  { additionalProperties: false },
);

const GoalCheck = Type.Object(
  {
    condition: Type.String({ description: 'A share measure id, or a count path such as markers.red.' }),
    label: Text,
    bound: Type.Enum(['min', 'max']),
    actual: RatioOrNull,
    threshold: Type.Number(),
    passed: Type.Boolean(),
  },
  { additionalProperties: false },
);

const Goal = Type.Object(
  { name: Text, value: Type.Boolean(), checks: Type.Immutable(Type.Array(GoalCheck)), rule: Rule, text: Text },
  { additionalProperties: false },
);

export const AreaEvaluationSchema = Type.Object(
  {
    shares: Type.Record(Type.String(), Ratio, { description: "Every share measure of the round's template, by measure id." }),
    colour: Colour,
    goal: Type.Union([Goal, Type.Null()], { description: "The rules' goal (无疫 for a test round) and each of its conditions; null when the rules set none." }),
  },
  { additionalProperties: false },
);

export type AreaEvaluationMirrorsCore = [
  Assignable<Static<typeof AreaEvaluationSchema>, AreaEvaluation>,
  Assignable<AreaEvaluation, Static<typeof AreaEvaluationSchema>>,
];
