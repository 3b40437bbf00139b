import { ID_PATTERN, type AreaCounts, type CountPath, type HouseholdCounts } from '@gridsweep/core';
import Type, { type Static } from 'typebox';
import type { Assignable } from '../mirror.js';

// The shape of the core's AreaCounts. Every name of a count is here and only
// here in the contract, so a new shape of the counts is a change of this file.

const HOUSEHOLD_COUNTS = ['total', 'toVisit', 'visited', 'noAnswer', 'refused', 'vacant'] as const;
const MEMBER_COUNTS = ['total', 'eligible', 'done', 'exempt', 'away', 'reached'] as const;

function counts<const K extends string>(names: readonly K[], description?: string) {
  const properties = Object.fromEntries(names.map((name) => [name, Type.Integer()])) as { [P in K]: ReturnType<typeof Type.Integer> };
  return Type.Object(properties, { additionalProperties: false, ...(description ? { description } : {}) });
}

export const HouseholdCountsSchema = counts(HOUSEHOLD_COUNTS, 'toVisit = total − vacant; vacant = vacant in the roster or found vacant at the door.');

export type HouseholdCountsMirrorsCore = [
  Assignable<Static<typeof HouseholdCountsSchema>, HouseholdCounts>,
  Assignable<HouseholdCounts, Static<typeof HouseholdCountsSchema>>,
];

export const AreaCountsSchema = Type.Object(
  {
    households: HouseholdCountsSchema,
    members: counts(MEMBER_COUNTS, "Members of the template's population; eligible = total − exempt − away; reached: in a visited household."),
    markers: Type.Record(Type.String(), Type.Integer(), {
      description: "By option id of the round template's marker (e.g. the health code); empty when the template has none.",
    }),
    specialGroups: Type.Record(Type.String(), counts(['total', 'notVisited', 'notDone']), {
      description: "By special-group id of the round's template.",
    }),
  },
  { additionalProperties: false },
);

export type AreaCountsMirrorsCore = [Assignable<Static<typeof AreaCountsSchema>, AreaCounts>, Assignable<AreaCounts, Static<typeof AreaCountsSchema>>];

/** A count path as a pattern: one of the counts above, or `markers.<option id>`. */
export const COUNT_PATH_PATTERN = `^(households\\.(${HOUSEHOLD_COUNTS.join('|')})|members\\.(${MEMBER_COUNTS.join('|')})|markers\\.${ID_PATTERN.source.slice(1, -1)})$`;

export const COUNT_PATH_REASON = `must name a count: households.(${HOUSEHOLD_COUNTS.join('|')}), members.(${MEMBER_COUNTS.join('|')}) or markers.<option id>`;

/**
 * A number of AreaCounts named by its path, as measures and goal conditions
 * refer to it. Whether a marker option exists is the template's to say (the
 * core's validators check it); the names of the fixed counts are held to the
 * core's CountPath below.
 */
export const CountPathSchema = Type.Unsafe<CountPath>(Type.String({ pattern: COUNT_PATH_PATTERN, description: 'households.visited, members.done, markers.red, ...' }));

type FixedPath = `households.${(typeof HOUSEHOLD_COUNTS)[number]}` | `members.${(typeof MEMBER_COUNTS)[number]}` | `markers.${string}`;
export type CountPathMirrorsCore = [Assignable<FixedPath, CountPath>, Assignable<CountPath, FixedPath>];
