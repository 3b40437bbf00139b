import type { PackedCountsV3 } from '../live/packed-counts.js';
import { AWAY, DONE, EXEMPT, HOUSEHOLDS, MARKERS, MEMBERS, NO_ANSWER, REACHED, REFUSED, VACANT, VISITED } from './counter-layout.js';
import type { RoundState } from './round-state.js';

/**
 * Areas' counters in the wire order of PackedCountsV3, read straight from the
 * round's Int32 runs: a delta to a thousand walls builds no counts objects.
 */
export function packRows(round: RoundState, areaIds: Iterable<string>, areaAt: (areaId: string) => number): PackedCountsV3 {
  const { codes, counts, stride } = round;
  const markerIds = codes.marker?.optionIds ?? [];
  const ids: string[] = [];
  const values: number[] = [];
  for (const areaId of areaIds) {
    const o = areaAt(areaId) * stride;
    ids.push(areaId);
    const households = counts[o + HOUSEHOLDS]!;
    const vacant = counts[o + VACANT]!;
    const members = counts[o + MEMBERS]!;
    const exempt = counts[o + EXEMPT]!;
    const away = counts[o + AWAY]!;
    values.push(households, households - vacant, counts[o + VISITED]!, counts[o + NO_ANSWER]!, counts[o + REFUSED]!, vacant);
    values.push(members, members - exempt - away, counts[o + DONE]!, exempt, away, counts[o + REACHED]!);
    let recorded = 0;
    for (let i = 0; i < markerIds.length; i++) if (i !== codes.derivedMarker) recorded += counts[o + MARKERS + i]!;
    for (let i = 0; i < markerIds.length; i++) values.push(i === codes.derivedMarker ? members - recorded : counts[o + MARKERS + i]!);
    const groupsEnd = o + codes.groupsAt + 3 * codes.groupIds.length;
    for (let at = o + codes.groupsAt; at < groupsEnd; at++) values.push(counts[at]!);
  }
  return { markerIds, specialGroupIds: codes.groupIds, areaIds: ids, values };
}
