import type { AreaCounts, SpecialGroupCounts } from '../engine/area-counts.js';

// The wire order of an area's numbers, defined once for the server that packs
// and every client that unpacks. Changing it changes the meaning of every
// message, so it needs new event names (`…:v3`), never an edit in place.
const HOUSEHOLD_FIELDS = ['total', 'toVisit', 'visited', 'noAnswer', 'refused', 'vacant'] as const;
const MEMBER_FIELDS = ['total', 'eligible', 'tested', 'exempt', 'away'] as const;
const CODE_FIELDS = ['green', 'yellow', 'red', 'unknown'] as const;
const SPECIAL_GROUP_FIELDS = ['total', 'notVisited', 'notTested'] as const;
const FIXED_FIELDS = HOUSEHOLD_FIELDS.length + MEMBER_FIELDS.length + CODE_FIELDS.length;

/**
 * The counts of many areas as one flat list of numbers: area `i` is the
 * `stride` numbers from `i * stride`, households, members, codes, then three
 * per special group in `specialGroupIds` order. A list of small integers is a
 * fraction of the size of the same counts as objects and far cheaper to parse,
 * which is what lets a few hundred walls take ten deltas a second.
 */
export interface PackedCountsV2 {
  /** The round's special groups, in the order their numbers follow the codes; the same for every area of a round. */
  readonly specialGroupIds: readonly string[];
  readonly areaIds: readonly string[];
  readonly values: readonly number[];
}

/** How many numbers one area takes with this many special groups. */
export function packedStride(specialGroupCount: number): number {
  return FIXED_FIELDS + SPECIAL_GROUP_FIELDS.length * specialGroupCount;
}

/**
 * Packs areas of one round. The special groups are those of the first area:
 * every area of a round has all of them, zeros included (see AreaCounts).
 */
export function packCounts(areas: Iterable<readonly [string, AreaCounts]>): PackedCountsV2 {
  let specialGroupIds: string[] | null = null;
  const areaIds: string[] = [];
  const values: number[] = [];
  for (const [areaId, counts] of areas) {
    specialGroupIds ??= Object.keys(counts.specialGroups);
    areaIds.push(areaId);
    writeRow(values, counts, specialGroupIds);
  }
  return { specialGroupIds: specialGroupIds ?? [], areaIds, values };
}

function writeRow(values: number[], counts: AreaCounts, specialGroupIds: readonly string[]): void {
  for (const field of HOUSEHOLD_FIELDS) values.push(counts.households[field]);
  for (const field of MEMBER_FIELDS) values.push(counts.members[field]);
  for (const field of CODE_FIELDS) values.push(counts.codes[field]);
  for (const groupId of specialGroupIds) {
    const group = counts.specialGroups[groupId];
    for (const field of SPECIAL_GROUP_FIELDS) values.push(group ? group[field] : 0);
  }
}

/** True when the lists agree with each other: as many numbers as areas times the stride. */
export function isWellFormed(packed: PackedCountsV2): boolean {
  return packed.values.length === packed.areaIds.length * packedStride(packed.specialGroupIds.length);
}

/** The counts of the area whose numbers start at `offset` of `values`, in the public shape. */
export function unpackArea(values: ArrayLike<number>, offset: number, specialGroupIds: readonly string[]): AreaCounts {
  const households = readFields(HOUSEHOLD_FIELDS, values, offset);
  const members = readFields(MEMBER_FIELDS, values, offset + HOUSEHOLD_FIELDS.length);
  const codes = readFields(CODE_FIELDS, values, offset + HOUSEHOLD_FIELDS.length + MEMBER_FIELDS.length);
  const specialGroups: Record<string, SpecialGroupCounts> = {};
  specialGroupIds.forEach((groupId, i) => {
    specialGroups[groupId] = readFields(SPECIAL_GROUP_FIELDS, values, offset + FIXED_FIELDS + SPECIAL_GROUP_FIELDS.length * i);
  });
  return { households, members, codes, specialGroups };
}

function readFields<F extends string>(fields: readonly F[], values: ArrayLike<number>, offset: number): Record<F, number> {
  const record = {} as Record<F, number>;
  fields.forEach((field, i) => {
    record[field] = values[offset + i]!;
  });
  return record;
}

/** Every area of a packed message in the public shape, in message order. */
export function unpackCounts(packed: PackedCountsV2): [string, AreaCounts][] {
  const stride = packedStride(packed.specialGroupIds.length);
  return packed.areaIds.map((areaId, i) => [areaId, unpackArea(packed.values, i * stride, packed.specialGroupIds)]);
}
