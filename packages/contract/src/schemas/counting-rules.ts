import type { CountingRules } from '@gridsweep/core';
import Type, { type Static } from 'typebox';
import { IdSchema } from '../ids.js';
import type { Assignable } from '../mirror.js';
import { CountPathSchema } from './area-counts.js';
import { LocalizedTextSchema as Text } from './localized-text.js';

// The shape of the core's CountingRules: how counts become what the map shows,
// for the rounds of one template. The core's validateRules, run against the
// template the rules name, checks that the measures and counts are the template's.

const closed = { additionalProperties: false } as const;
const Share = Type.Number({ minimum: 0, maximum: 1 });

const GoalConditionSchema = Type.Union([
  Type.Object({ measure: IdSchema, min: Share }, { ...closed, description: 'A share measure of the template at least `min`.' }),
  Type.Object({ count: CountPathSchema, max: Type.Integer({ minimum: 0 }) }, { ...closed, description: 'A count at most `max`.' }),
]);

export const CountingRulesSchema = Type.Object(
  {
    id: IdSchema,
    version: Type.Integer({ minimum: 1 }),
    templateId: IdSchema,
    name: Text,
    colourMeasure: IdSchema,
    colourBands: Type.Immutable(
      Type.Array(Type.Object({ colour: Type.Enum(['red', 'orange', 'yellow', 'green']), from: Share }, closed), { description: 'Lowest first; the first starts at 0.' }),
    ),
    goal: Type.Union([Type.Null(), Type.Object({ name: Text, conditions: Type.Immutable(Type.Array(GoalConditionSchema)) }, closed)], {
      description: 'The status an area earns when every condition holds (无疫 for a test round), or null for none.',
    }),
    projectionWindowMs: Type.Integer({ description: 'Projected completion uses the sweep rate over this trailing window.' }),
  },
  { ...closed, description: 'Counting rules: colour bands, the goal and the projection window for the rounds of one template.' },
);

export type CountingRulesMirrorsCore = [
  Assignable<Static<typeof CountingRulesSchema>, CountingRules>,
  Assignable<CountingRules, Static<typeof CountingRulesSchema>>,
];

/** Stored rules, as listed. */
export const RulesSummarySchema = Type.Object({ id: IdSchema, version: Type.Integer({ minimum: 1 }), templateId: IdSchema, name: Text }, closed);
