import { AWAY, EXEMPT, GREEN, groupNotTested, groupNotVisited, groupTotal, HOUSEHOLDS, MEMBERS, NO_ANSWER, RED, REFUSED, TESTED, VACANT, VISITED, YELLOW } from './counter-layout.js';
import { COUNT_MASK, MEMBER_KEY_SPAN, TAGGED_BIT, VACANT_BIT, type EngineTerritory } from './engine-territory.js';
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

/**
 * What one household or one member adds to its area's counters, written as
 * `sign` × contribution into `counts` at `offset`. The incremental path
 * subtracts the old contribution and adds the new one; the recount adds every
 * contribution once. Both use these two functions, so they cannot disagree
 * about what a stamp means.
 *
 * The household part holds its own counters and, for tagged members, "not
 * visited" (which depends on the household's outcome); the member part holds
 * the rest of the member's counters.
 */
export function addHouseholdPart(
  counts: Int32Array,
  offset: number,
  territory: EngineTerritory,
  codes: TemplateCodes,
  household: number,
  stamp: number,
  sign: number,
): void {
  const info = territory.householdInfo[household]!;
  const kind = codes.outcome.kindOf[stamp & 15]!;
  counts[offset + HOUSEHOLDS]! += sign;
  const vacant = (info & VACANT_BIT) !== 0 || kind === OUTCOME_VACANT;
  if (vacant) counts[offset + VACANT]! += sign;
  else if (kind === OUTCOME_VISITED) counts[offset + VISITED]! += sign;
  else if (kind === OUTCOME_NO_ANSWER) counts[offset + NO_ANSWER]! += sign;
  else if (kind === OUTCOME_REFUSED) counts[offset + REFUSED]! += sign;
  if ((info & TAGGED_BIT) === 0 || (kind === OUTCOME_VISITED && !vacant)) return;
  const memberCount = info & COUNT_MASK;
  const firstKey = household * MEMBER_KEY_SPAN;
  for (let ordinal = 0; ordinal < memberCount; ordinal++) {
    let mask = territory.tags.get(firstKey + ordinal);
    for (let bit = 0; mask !== 0; bit++, mask >>>= 1) if (mask & 1) counts[offset + groupNotVisited(bit)]! += sign;
  }
}

export function addMemberPart(
  counts: Int32Array,
  offset: number,
  territory: EngineTerritory,
  codes: TemplateCodes,
  household: number,
  ordinal: number,
  stamp: number,
  sign: number,
): void {
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
  if ((territory.householdInfo[household]! & TAGGED_BIT) === 0) return;
  let mask = territory.tags.get(household * MEMBER_KEY_SPAN + ordinal);
  const owesTest = status !== STATUS_DONE && status !== STATUS_EXEMPT && status !== STATUS_AWAY;
  for (let bit = 0; mask !== 0; bit++, mask >>>= 1) {
    if ((mask & 1) === 0) continue;
    counts[offset + groupTotal(bit)]! += sign;
    if (owesTest) counts[offset + groupNotTested(bit)]! += sign;
  }
}
