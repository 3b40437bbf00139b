import type { AreaCounts, SpecialGroupCounts } from '../engine/area-counts.js';

// The wire order of an area's numbers, defined once for the server that packs
// and every client that unpacks. Changing it changes the meaning of every
// message, so it needs new event names (`…:v4`), never an edit in place.
export const HOUSEHOLD_FIELDS = ['total', 'toVisit', 'visited', 'noAnswer', 'refused', 'vacant'] as const;
export const MEMBER_FIELDS = ['total', 'eligible', 'done', 'exempt', 'away', 'reached'] as const;
export const SPECIAL_GROUP_FIELDS = ['total', 'notVisited', 'notDone'] as const;
const FIXED_FIELDS = HOUSEHOLD_FIELDS.length + MEMBER_FIELDS.length;

/**
 * The counts of many areas of one round as one flat list of numbers: area `i`
 * is the `stride` numbers from `i * stride` — households, members, one per
 * marker option in `markerIds` order, then three per special group in
 * `specialGroupIds` order. A list of small integers is a fraction of the size
 * of the same counts as objects and far cheaper to parse, which is what lets
 * a few hundred walls take ten deltas a second.
 */
export interface PackedCountsV3 {
  /** The round template's marker options; the same for every area of a round. */
  readonly markerIds: readonly string[];
  readonly specialGroupIds: readonly string[];
  readonly areaIds: readonly string[];
  readonly values: readonly number[];
}

/** How many numbers one area takes. */
export function packedStride(markerCount: number, specialGroupCount: number): number {
  return FIXED_FIELDS + markerCount + SPECIAL_GROUP_FIELDS.length * specialGroupCount;
}

/** Packs areas of one round from their counts objects (the engine packs from its counters directly). */
export function packCounts(areas: Iterable<readonly [string, AreaCounts]>): PackedCountsV3 {
  let markerIds: string[] | null = null;
  let specialGroupIds: string[] | null = null;
  const areaIds: string[] = [];
  const values: number[] = [];
  for (const [areaId, counts] of areas) {
    markerIds ??= Object.keys(counts.markers);
    specialGroupIds ??= Object.keys(counts.specialGroups);
    areaIds.push(areaId);
    for (const field of HOUSEHOLD_FIELDS) values.push(counts.households[field]);
    for (const field of MEMBER_FIELDS) values.push(counts.members[field]);
    for (const id of markerIds) values.push(counts.markers[id] ?? 0);
    for (const id of specialGroupIds) {
      const group = counts.specialGroups[id];
      for (const field of SPECIAL_GROUP_FIELDS) values.push(group ? group[field] : 0);
    }
  }
  return { markerIds: markerIds ?? [], specialGroupIds: specialGroupIds ?? [], areaIds, values };
}

/** True when the lists agree with each other: as many numbers as areas times the stride. */
export function isWellFormed(packed: PackedCountsV3): boolean {
  return packed.values.length === packed.areaIds.length * packedStride(packed.markerIds.length, packed.specialGroupIds.length);
}

/** The counts of the area whose numbers start at `offset` of `values`, in the public shape. */
export function unpackArea(values: ArrayLike<number>, offset: number, markerIds: readonly string[], specialGroupIds: readonly string[]): AreaCounts {
  const households = readFields(HOUSEHOLD_FIELDS, values, offset);
  const members = readFields(MEMBER_FIELDS, values, offset + HOUSEHOLD_FIELDS.length);
  const markers: Record<string, number> = {};
  markerIds.forEach((id, i) => {
    markers[id] = values[offset + FIXED_FIELDS + i]!;
  });
  const groupsAt = offset + FIXED_FIELDS + markerIds.length;
  const specialGroups: Record<string, SpecialGroupCounts> = {};
  specialGroupIds.forEach((groupId, i) => {
    specialGroups[groupId] = readFields(SPECIAL_GROUP_FIELDS, values, groupsAt + SPECIAL_GROUP_FIELDS.length * i);
  });
  return { households, members, markers, specialGroups };
}

function readFields<F extends string>(fields: readonly F[], values: ArrayLike<number>, offset: number): Record<F, number> {
  const record = {} as Record<F, number>;
  fields.forEach((field, i) => {
    record[field] = values[offset + i]!;
  });
  return record;
}

/** Every area of a packed message in the public shape, in message order. */
export function unpackCounts(packed: PackedCountsV3): [string, AreaCounts][] {
  const stride = packedStride(packed.markerIds.length, packed.specialGroupIds.length);
  return packed.areaIds.map((areaId, i) => [areaId, unpackArea(packed.values, i * stride, packed.markerIds, packed.specialGroupIds)]);
}
