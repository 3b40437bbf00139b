import type { AreaCounts, SpecialGroupCounts } from './area-counts.js';
import type { TemplateCodes } from './template-codes.js';

/**
 * Each area keeps its counters as one run of Int32 in the round's counts
 * array: these fixed ones, then one per marker option, then three per special
 * group. Figures that follow from others (to visit, eligible, the marker
 * option unrecorded members count as) are derived when read, so they cannot drift.
 */
export const HOUSEHOLDS = 0;
export const VACANT = 1;
export const VISITED = 2;
export const NO_ANSWER = 3;
export const REFUSED = 4;
export const MEMBERS = 5;
export const DONE = 6;
export const EXEMPT = 7;
export const AWAY = 8;
/** Members (of the template's population) in households counted visited. */
export const REACHED = 9;
export const MARKERS = 10;

export const GROUPS_AFTER_MARKERS = (markerOptions: number): number => MARKERS + markerOptions;

/** The counters of one area, read into the public shape. */
export function readAreaCounts(counts: Int32Array, offset: number, codes: TemplateCodes): AreaCounts {
  const members = counts[offset + MEMBERS]!;
  const exempt = counts[offset + EXEMPT]!;
  const away = counts[offset + AWAY]!;
  const households = counts[offset + HOUSEHOLDS]!;
  const vacant = counts[offset + VACANT]!;
  const markers: Record<string, number> = {};
  const optionIds = codes.marker?.optionIds ?? [];
  let recorded = 0;
  optionIds.forEach((id, i) => {
    if (i === codes.derivedMarker) return;
    markers[id] = counts[offset + MARKERS + i]!;
    recorded += markers[id];
  });
  if (codes.derivedMarker >= 0) markers[optionIds[codes.derivedMarker]!] = members - recorded;
  const specialGroups: Record<string, SpecialGroupCounts> = {};
  codes.groupIds.forEach((id, g) => {
    const at = offset + codes.groupsAt + 3 * g;
    specialGroups[id] = { total: counts[at]!, notVisited: counts[at + 1]!, notDone: counts[at + 2]! };
  });
  return {
    households: { total: households, toVisit: households - vacant, visited: counts[offset + VISITED]!, noAnswer: counts[offset + NO_ANSWER]!, refused: counts[offset + REFUSED]!, vacant },
    members: { total: members, eligible: members - exempt - away, done: counts[offset + DONE]!, exempt, away, reached: counts[offset + REACHED]! },
    markers,
    specialGroups,
  };
}
