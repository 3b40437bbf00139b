import { AWAY, DONE, EXEMPT, HOUSEHOLDS, MEMBERS, NO_ANSWER, REACHED, REFUSED, VACANT, VISITED } from './counter-layout.js';
import { VACANT_BIT } from './engine-territory.js';
import { OUTCOME_NO_ANSWER, OUTCOME_REFUSED, OUTCOME_VACANT, OUTCOME_VISITED, STATUS_AWAY, STATUS_DONE, STATUS_EXEMPT, type TemplateCodes } from './template-codes.js';

/*
 * What a household and its members add to their area's counters, written as
 * `sign` × contribution into `counts` at `offset`. The incremental path
 * subtracts an old contribution and adds the new one; the recount adds each
 * once. Both use these functions, so they cannot disagree about what a stamp
 * means. Callers look up tag masks and member info, so the recount can walk
 * them in order.
 */

/** A member's info byte: 0 birth year unknown, 1-254 born in 1900 + it, 255 gone from the household. */
export const INFO_UNKNOWN = 0;
export const INFO_DEPARTED = 255;

/** Everyone still in the household: a round whose template sets no age limit. */
export const EVERYONE = -1;

/**
 * Whether a member is in a round's population: `limit` is EVERYONE, or the
 * latest birth code (year − 1900) old enough for the template's age limit in
 * the year the round starts; an unknown birth year is not old enough.
 */
export function inPopulation(info: number, limit: number): boolean {
  if (info === INFO_DEPARTED) return false;
  return limit === EVERYONE || (info !== INFO_UNKNOWN && info <= limit);
}

/** Whether the household counts as visited: swept with outcome "visited" and not vacant. */
export function householdVisited(codes: TemplateCodes, info: number, stamp: number): boolean {
  return (info & VACANT_BIT) === 0 && codes.outcome.kindOf[stamp & 15] === OUTCOME_VISITED;
}

/** The household's own counters; `info` is the low byte of its household word. */
export function addHouseholdCounters(counts: Int32Array, offset: number, codes: TemplateCodes, info: number, stamp: number, sign: number): void {
  const kind = codes.outcome.kindOf[stamp & 15]!;
  counts[offset + HOUSEHOLDS]! += sign;
  if ((info & VACANT_BIT) !== 0 || kind === OUTCOME_VACANT) counts[offset + VACANT]! += sign;
  else if (kind === OUTCOME_VISITED) counts[offset + VISITED]! += sign;
  else if (kind === OUTCOME_NO_ANSWER) counts[offset + NO_ANSWER]! += sign;
  else if (kind === OUTCOME_REFUSED) counts[offset + REFUSED]! += sign;
}

/** A member's counters (call it only for members in the population): status, marker, and per special group the total and "not done". */
export function addMemberCounters(counts: Int32Array, offset: number, codes: TemplateCodes, stamp: number, mask: number, sign: number): void {
  counts[offset + MEMBERS]! += sign;
  const status = codes.status.kindOf[stamp & 15]!;
  if (status === STATUS_DONE) counts[offset + DONE]! += sign;
  else if (status === STATUS_EXEMPT) counts[offset + EXEMPT]! += sign;
  else if (status === STATUS_AWAY) counts[offset + AWAY]! += sign;
  const marker = codes.markerCounter[(stamp >>> 4) & 15]!;
  if (marker >= 0) counts[offset + marker]! += sign;
  if (mask === 0) return;
  const owes = status !== STATUS_DONE && status !== STATUS_EXEMPT && status !== STATUS_AWAY;
  const bits = codes.groupBits;
  for (let g = 0, at = offset + codes.groupsAt; g < bits.length; g++, at += 3) {
    if (((mask >>> bits[g]!) & 1) === 0) continue;
    counts[at]! += sign;
    if (owes) counts[at + 2]! += sign;
  }
}

/** What a population member of a household adds for the household being visited or not: reached, or "not visited" per special group. */
export function addVisitState(counts: Int32Array, offset: number, codes: TemplateCodes, visited: boolean, mask: number, sign: number): void {
  if (visited) {
    counts[offset + REACHED]! += sign;
    return;
  }
  if (mask === 0) return;
  const bits = codes.groupBits;
  for (let g = 0, at = offset + codes.groupsAt + 1; g < bits.length; g++, at += 3) if ((mask >>> bits[g]!) & 1) counts[at]! += sign;
}
