import type { Area } from '../territory/entities.js';
import { invariant } from '../validation/invariant.js';
import { birthInfo } from './member-info.js';
import { COUNT_MASK, MAX_BUILDINGS, MAX_HOUSEHOLDS, MEMBER_KEY_SPAN, TAGGED_BIT, VACANT_BIT, type EngineTerritory } from './engine-territory.js';

/**
 * A whole roster in columns, for start-up rebuilds and benchmarks: millions of
 * households load without an object each. Buildings, households and members
 * are referred to by position; members come in household order, each
 * household's members consecutive. Ids are optional: without them the
 * entities are reachable only through the dense API (`applyDense`).
 */
export interface BulkTerritory {
  /** Parents before children. Geometry is ignored. */
  readonly areas: readonly Pick<Area, 'id' | 'parentId' | 'level'>[];
  /** Per building, the position in `areas` of its micro-grid. */
  readonly buildingAreas: Int32Array;
  readonly buildingIds?: readonly string[];
  /** Per household, the position of its building. */
  readonly householdBuildings: Int32Array;
  /** Per household, how many members follow in the member columns. */
  readonly householdMemberCounts: Uint8Array;
  /** Per household, 1 when the roster says vacant. */
  readonly householdVacant?: Uint8Array;
  readonly householdIds?: readonly string[];
  /** Per member, its special groups as a bit mask in the engine's vocabulary (`CountingEngine.tagMask`). */
  readonly memberTags?: Uint32Array;
  /** Per member, the year of birth, 0 when unknown. */
  readonly memberBirthYears?: Uint16Array;
  readonly memberIds?: readonly string[];
}

/** Loads a bulk roster into an empty territory, sizing every array exactly. */
export function loadBulkTerritory(territory: EngineTerritory, bulk: BulkTerritory): void {
  invariant(territory.areaCount === 0, 'areas before a bulk load', 0, territory.areaCount);
  const households = bulk.householdBuildings.length;
  invariant(bulk.buildingAreas.length <= MAX_BUILDINGS, 'buildings in a bulk load', `at most ${MAX_BUILDINGS}`, bulk.buildingAreas.length);
  invariant(households <= MAX_HOUSEHOLDS, 'households in a bulk load', `at most ${MAX_HOUSEHOLDS}`, households);
  invariant(bulk.householdMemberCounts.length === households, 'householdMemberCounts length', households, bulk.householdMemberCounts.length);
  for (const area of bulk.areas) territory.addArea(area);
  const leafDepth = territory.leafDepth;

  territory.buildingArea = new Int32Array(bulk.buildingAreas.length);
  if (bulk.buildingIds) territory.buildingIndex.reserve(bulk.buildingAreas.length);
  for (let b = 0; b < bulk.buildingAreas.length; b++) {
    const area = bulk.buildingAreas[b]!;
    invariant(territory.areaDepth[area] === leafDepth && area < territory.areaCount, `area of building #${b}`, 'a leaf area', area);
    territory.buildingArea[b] = area;
    if (bulk.buildingIds) territory.buildingIndex.add(bulk.buildingIds[b]!);
  }
  territory.buildingCount = bulk.buildingAreas.length;

  territory.householdWord = new Uint32Array(households);
  territory.blockStart = new Uint32Array(Math.ceil(households / 8));
  if (bulk.householdIds) territory.householdIndex.reserve(households, meanLength(bulk.householdIds));
  let slot = 0;
  for (let h = 0; h < households; h++) {
    const building = bulk.householdBuildings[h]!;
    invariant(building >= 0 && building < territory.buildingCount, `building of household #${h}`, 'an existing building', building);
    const members = bulk.householdMemberCounts[h]!;
    invariant(members <= COUNT_MASK, `members of household #${h}`, `at most ${COUNT_MASK}`, members);
    if ((h & 7) === 0) territory.blockStart[h >>> 3] = slot;
    territory.householdWord[h] = building * 256 + (members | (bulk.householdVacant?.[h] ? VACANT_BIT : 0));
    if (bulk.householdIds) territory.householdIndex.add(bulk.householdIds[h]!);
    slot += members;
  }
  territory.householdCount = households;
  territory.memberTop = slot;
  territory.memberCount = slot;
  if (bulk.memberTags) invariant(bulk.memberTags.length === slot, 'memberTags length', slot, bulk.memberTags.length);
  if (bulk.memberIds) invariant(bulk.memberIds.length === slot, 'memberIds length', slot, bulk.memberIds.length);
  if (bulk.memberBirthYears) {
    invariant(bulk.memberBirthYears.length === slot, 'memberBirthYears length', slot, bulk.memberBirthYears.length);
    const info = new Uint8Array(slot);
    for (let m = 0; m < slot; m++) info[m] = birthInfo(bulk.memberBirthYears[m]! || null);
    territory.memberInfo = info;
  }
  if (bulk.memberTags || bulk.memberIds) indexMembers(territory, bulk);
}

function meanLength(ids: readonly string[]): number {
  let sum = 0;
  const sample = Math.min(ids.length, 1000);
  for (let i = 0; i < sample; i++) sum += ids[i]!.length;
  return sample === 0 ? 16 : Math.ceil(sum / sample) + 1;
}

function indexMembers(territory: EngineTerritory, bulk: BulkTerritory): void {
  const tags = bulk.memberTags;
  if (tags) territory.tags.reserve(tags.reduce((n, mask) => (mask === 0 ? n : n + 1), 0));
  if (bulk.memberIds) territory.memberIndex.reserve(bulk.memberIds.length, meanLength(bulk.memberIds));
  let slot = 0;
  for (let h = 0; h < territory.householdCount; h++) {
    const members = territory.householdWord[h]! & COUNT_MASK;
    for (let k = 0; k < members; k++, slot++) {
      const key = h * MEMBER_KEY_SPAN + k;
      if (bulk.memberIds) territory.memberIndex.add(bulk.memberIds[slot]!, key);
      const mask = tags?.[slot] ?? 0;
      if (mask !== 0) {
        territory.tags.set(key, mask);
        territory.householdWord[h]! |= TAGGED_BIT;
      }
    }
  }
}
