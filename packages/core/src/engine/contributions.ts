import { AWAY, EXEMPT, GREEN, groupNotTested, groupNotVisited, groupTotal, HOUSEHOLDS, MEMBERS, NO_ANSWER, RED, REFUSED, TESTED, VACANT, VISITED, YELLOW } from './counter-layout.js';
import { VACANT_BIT } from './engine-territory.js';
import {
  MARKER_GREEN,
  MARKER_RED,
  MARKER_YELLOW,
  OUTCOME_NO_ANSWER,
  OUTCOME_REFUSED,
  OUTCOME_VACANT,
  OUTCOME_VISITED,
  STATUS_AWAY,
  STATUS_DONE,
  STATUS_EXEMPT,
  type TemplateCodes,
} from './template-codes.js';

/*
 * What a household and its members add to their area's counters, written as
 * `sign` × contribution into `counts` at `offset`. The incremental path
 * subtracts an old contribution and adds the new one; the recount adds each
 * once. Both use these functions, so they cannot disagree about what a stamp
 * means. Callers look up tag masks, so the recount can walk them in order.
 */

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

/** A member's counters: status, marker, and for each of its special groups the total and "not tested". */
export function addMemberCounters(counts: Int32Array, offset: number, codes: TemplateCodes, stamp: number, mask: number, sign: number): void {
  counts[offset + MEMBERS]! += sign;
  const status = codes.status.kindOf[stamp & 15]!;
  if (status === STATUS_DONE) counts[offset + TESTED]! += sign;
  else if (status === STATUS_EXEMPT) counts[offset + EXEMPT]! += sign;
  else if (status === STATUS_AWAY) counts[offset + AWAY]! += sign;
  if (codes.marker !== null) {
    const marker = codes.marker.kindOf[(stamp >>> 4) & 15]!;
    if (marker === MARKER_GREEN) counts[offset + GREEN]! += sign;
    else if (marker === MARKER_YELLOW) counts[offset + YELLOW]! += sign;
    else if (marker === MARKER_RED) counts[offset + RED]! += sign;
  }
  if (mask === 0) return;
  const owesTest = status !== STATUS_DONE && status !== STATUS_EXEMPT && status !== STATUS_AWAY;
  for (let bit = 0; mask !== 0; bit++, mask >>>= 1) {
    if ((mask & 1) === 0) continue;
    counts[offset + groupTotal(bit)]! += sign;
    if (owesTest) counts[offset + groupNotTested(bit)]! += sign;
  }
}

/** "Not visited" for each special group of a member whose household is not visited. */
export function addNotVisited(counts: Int32Array, offset: number, mask: number, sign: number): void {
  for (let bit = 0; mask !== 0; bit++, mask >>>= 1) if (mask & 1) counts[offset + groupNotVisited(bit)]! += sign;
}
