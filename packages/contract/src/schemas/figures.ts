import type { AreaEvaluation } from '@gridsweep/core';
import Type, { type Static } from 'typebox';
import type { Assignable } from '../mirror.js';

// The shape of the core's AreaEvaluation (evaluateArea): each figure the map
// shows, with the numbers it is made of and the rules that made it. Every name
// of a figure is here and only here in the contract.

const Text = Type.Object({ zh: Type.String(), en: Type.String() }, { additionalProperties: false });
const Rule = Type.Object({ id: Type.String(), version: Type.Integer() }, { additionalProperties: false });
const RatioOrNull = Type.Union([Type.Number(), Type.Null()]);
const Measure = Type.Enum(['coverage', 'testRate']);
const Labelled = Type.Object({ label: Text, value: Type.Number() }, { additionalProperties: false });

const FigurePart = Type.Object(
  { label: Text, value: Type.Number(), sign: Type.Enum([1, -1]) },
  { additionalProperties: false },
);

const Ratio = Type.Object(
  {
    measure: Measure,
    label: Text,
    value: Type.Union([Type.Number(), Type.Null()], { description: 'null when the denominator is 0' }),
    numerator: Labelled,
    denominator: Type.Object({ label: Text, value: Type.Number(), parts: Type.Immutable(Type.Array(FigurePart)) }, { additionalProperties: false }),
    rule: Rule,
    text: Text,
  },
  { additionalProperties: false },
);

const Colour = Type.Object(
  {
    colour: Type.Enum(['red', 'orange', 'yellow', 'green', 'grey']),
    measure: Measure,
    value: RatioOrNull,
    band: Type.Union([Type.Object({ from: Type.Number(), below: RatioOrNull }, { additionalProperties: false }), Type.Null()]),
    rule: Rule,
    text: Text,
  },
  { additionalProperties: false },
);

const EpidemicFreeCheck = Type.Object(
  {
    condition: Type.Enum(['coverage', 'testRate', 'redCodes']),
    label: Text,
    actual: RatioOrNull,
    threshold: Type.Number(),
    passed: Type.Boolean(),
  },
  { additionalProperties: false },
);

export const AreaEvaluationSchema = Type.Object(
  {
    coverage: Ratio,
    testRate: Ratio,
    colour: Colour,
    epidemicFree: Type.Object(
      { value: Type.Boolean(), checks: Type.Immutable(Type.Array(EpidemicFreeCheck)), rule: Rule, text: Text },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);

export type AreaEvaluationMirrorsCore = [
  Assignable<Static<typeof AreaEvaluationSchema>, AreaEvaluation>,
  Assignable<AreaEvaluation, Static<typeof AreaEvaluationSchema>>,
];
