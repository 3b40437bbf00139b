import type { MarkerTone, MemberStatusKind } from '@gridsweep/core';

/** How often each fault is injected. Every rate is a probability in [0, 1]. */
export interface FaultRates {
  /** Share of events sent twice (a retry after a lost acknowledgement). */
  readonly duplicate: number;
  /** Share of events held back in the network so they arrive after later ones. */
  readonly outOfOrder: number;
  /** Share of teams that lose signal for a stretch and then send everything in one burst. */
  readonly offline: number;
  /** Share of members whose job is done, first recorded as not done, then corrected. */
  readonly correction: number;
}

/** How a sweep morning goes, as probabilities and weights. */
export interface SweepBehaviour {
  /** Chance a door opens at the first knock. */
  readonly answerFirstVisit: number;
  /** Chance a door opens at each later visit to a no-answer. */
  readonly answerRevisit: number;
  /** How many times a team comes back to the doors that did not open. */
  readonly revisits: number;
  /** Chance an opened door refuses to take part. */
  readonly refusal: number;
  /** Chance a dwelling the roster calls occupied turns out empty. */
  readonly foundVacant: number;
  /** Weights of a member's status when the door opens, by what it counts as; an option of that kind of the round's template is picked. */
  readonly memberStatus: Readonly<Record<MemberStatusKind, number>>;
  /** Weights of the member marker (a health code) by tone; a tone the template has no option for records no marker. */
  readonly markerTone: Readonly<Record<MarkerTone, number>>;
  /** Share of teams that start 30 to 90 minutes late. */
  readonly lateStarters: number;
  /** Spread of team speed (log-normal sigma): 0 makes every team equally quick. */
  readonly speedSpread: number;
}

export const DEFAULT_FAULT_RATES: FaultRates = { duplicate: 0.02, outOfOrder: 0.05, offline: 0.1, correction: 0.01 };

export const DEFAULT_BEHAVIOUR: SweepBehaviour = {
  answerFirstVisit: 0.82,
  answerRevisit: 0.6,
  revisits: 2,
  refusal: 0.01,
  foundVacant: 0.01,
  memberStatus: { done: 0.9, not_done: 0.025, exempt: 0.015, away: 0.06 },
  markerTone: { good: 0.965, warning: 0.025, alert: 0.005, neutral: 0.005 },
  lateStarters: 0.15,
  speedSpread: 0.35,
};

/** Fault rates with every one set to zero: a perfect network. */
export const NO_FAULTS: FaultRates = { duplicate: 0, outOfOrder: 0, offline: 0, correction: 0 };

export function faultRateProblem(rates: FaultRates): string | undefined {
  for (const [name, rate] of Object.entries(rates)) {
    if (typeof rate !== 'number' || !(rate >= 0 && rate <= 1)) return `faults.${name} must be a number from 0 to 1`;
  }
  return undefined;
}
