import type { AreaCounts, HouseholdCounts } from '@gridsweep/core';
import Type, { type Static } from 'typebox';
import type { Assignable } from '../mirror.js';

// The shape of the core's AreaCounts. Every name of a count is here and only
// here in the contract, so a new shape of the counts is a change of this file.

function counts<const K extends string>(names: readonly K[], description?: string) {
  const properties = Object.fromEntries(names.map((name) => [name, Type.Integer()])) as { [P in K]: ReturnType<typeof Type.Integer> };
  return Type.Object(properties, { additionalProperties: false, ...(description ? { description } : {}) });
}

export const HouseholdCountsSchema = counts(
  ['total', 'toVisit', 'visited', 'noAnswer', 'refused', 'vacant'],
  'toVisit = total − vacant; vacant = vacant in the roster or found vacant at the door.',
);

export type HouseholdCountsMirrorsCore = [
  Assignable<Static<typeof HouseholdCountsSchema>, HouseholdCounts>,
  Assignable<HouseholdCounts, Static<typeof HouseholdCountsSchema>>,
];

export const AreaCountsSchema = Type.Object(
  {
    households: HouseholdCountsSchema,
    members: counts(['total', 'eligible', 'tested', 'exempt', 'away'], 'eligible = total − exempt − away'),
    codes: counts(['green', 'yellow', 'red', 'unknown']),
    specialGroups: Type.Record(Type.String(), counts(['total', 'notVisited', 'notTested']), {
      description: "By special-group id of the round's template.",
    }),
  },
  { additionalProperties: false },
);

export type AreaCountsMirrorsCore = [Assignable<Static<typeof AreaCountsSchema>, AreaCounts>, Assignable<AreaCounts, Static<typeof AreaCountsSchema>>];
