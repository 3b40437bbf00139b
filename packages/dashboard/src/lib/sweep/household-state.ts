import type { CampaignTemplate, HouseholdCounts } from '@gridsweep/core';
import type { DoorListHousehold } from './sweep-api.js';

/** Where a household stands in the round, as the floor grid colours it. */
export type HouseholdState = 'toVisit' | 'visited' | 'noAnswer' | 'refused' | 'vacant';

export const HOUSEHOLD_STATES: readonly HouseholdState[] = ['toVisit', 'visited', 'noAnswer', 'refused', 'vacant'];

/** Background and text of each state; distinct in lightness too, for red-green colour-blind eyes. */
export const STATE_COLOURS: Record<HouseholdState, { readonly background: string; readonly text: string }> = {
  toVisit: { background: '#ffffff', text: '#1b2430' },
  visited: { background: '#1a9850', text: '#ffffff' },
  noAnswer: { background: '#fdd94a', text: '#1b2430' },
  refused: { background: '#d7301f', text: '#ffffff' },
  vacant: { background: '#8a9099', text: '#ffffff' },
};

const BY_KIND = { visited: 'visited', no_answer: 'noAnswer', refused: 'refused', vacant: 'vacant' } as const;

/** The state the engine would count: the latest outcome recorded (a "moved" option counts as vacant), else the roster's vacancy. */
export function householdState(household: Pick<DoorListHousehold, 'vacant' | 'values'>, template: CampaignTemplate): HouseholdState {
  const { outcome } = template.household;
  const option = outcome.options.find((o) => o.id === household.values[outcome.id]);
  if (option) return BY_KIND[option.counts];
  return household.vacant ? 'vacant' : 'toVisit';
}

/** A building's households counted as the engine counts them, from its door list: what the page shows offline. */
export function countDoorList(households: readonly Pick<DoorListHousehold, 'vacant' | 'values'>[], template: CampaignTemplate): HouseholdCounts {
  const counts = { total: households.length, toVisit: 0, visited: 0, noAnswer: 0, refused: 0, vacant: 0 };
  for (const household of households) {
    const state = householdState(household, template);
    if (state !== 'toVisit') counts[state]++;
  }
  counts.toVisit = counts.total - counts.vacant;
  return counts;
}

/** Households to visit nobody has recorded yet. */
export function householdsLeft(counts: HouseholdCounts): number {
  return Math.max(0, counts.toVisit - counts.visited - counts.noAnswer - counts.refused);
}
