import type { Area, Building } from '../territory/entities.js';
import { levelIndex, type Levels } from '../territory/levels.js';
import { invariant } from '../validation/invariant.js';
import { withLength } from './growable.js';
import { IdIndex } from './id-index.js';
import { TagList } from './tag-list.js';

/**
 * Each household is one Uint32 word: its building index in the high 24 bits,
 * and in the low byte roster vacancy, "some member has a tag" and the member count.
 */
export const VACANT_BIT = 128;
export const TAGGED_BIT = 64;
export const COUNT_MASK = 63;
export const MAX_MEMBERS_PER_HOUSEHOLD = COUNT_MASK;
/** A member's key is household × 64 + ordinal: stable for its life, unlike its slot. */
export const MEMBER_KEY_SPAN = 64;
/** Member keys must stay below 2^31 to live in an Int32Array. */
export const MAX_HOUSEHOLDS = 2 ** 25;
export const MAX_BUILDINGS = 2 ** 24;
/** Members of 8 consecutive households share one start offset; see the decision record. */
const BLOCK_SHIFT = 3;
const BLOCK_SIZE = 1 << BLOCK_SHIFT;

/** Whatever keeps per-member-slot state (each round's member stamps) and must follow the layout. */
export interface MemberSlotOwner {
  reserveMemberSlots(length: number): void;
  moveMemberSlots(from: number, to: number, length: number): void;
  clearMemberSlot(slot: number): void;
}

/**
 * The roster as the engine needs it: dense integer indices and typed arrays,
 * with string ids only at the edge (and only when the caller gave ids).
 * Members of a household occupy consecutive slots so that no per-member
 * household pointer is needed; a member added later moves its block of
 * households to the end of the slot range.
 */
export class EngineTerritory {
  areaCount = 0;
  areaParent = new Int32Array(16);
  areaDepth = new Uint8Array(16);
  readonly areaIds: string[] = [];
  readonly areaIndex = new Map<string, number>();

  buildingCount = 0;
  buildingArea = new Int32Array(16);
  /** Building id to index; entry numbers are building indices. */
  readonly buildingIndex = new IdIndex(true);

  householdCount = 0;
  householdWord: Uint32Array = new Uint32Array(16);
  /** Household id to index; entry numbers are household indices. */
  readonly householdIndex = new IdIndex(true);

  blockStart = new Uint32Array(4);
  /** One past the last member slot in use (moved blocks leave holes below it). */
  memberTop = 0;
  memberCount = 0;
  /** Member id to member key (household × 64 + ordinal). */
  readonly memberIndex = new IdIndex();
  readonly tags = new TagList();
  /**
   * Per member slot, its info byte (birth year, or gone; see contributions.ts),
   * made only once some member has one: a roster without birth years pays nothing.
   */
  memberInfo: Uint8Array | null = null;
  private householdsByBuilding: { readonly households: number; readonly starts: Int32Array; readonly list: Int32Array } | null = null;

  constructor(public levels: Levels) {}

  get leafDepth(): number {
    return this.levels.length - 1;
  }

  addArea(area: Pick<Area, 'id' | 'parentId' | 'level'>): number {
    invariant(!this.areaIndex.has(area.id), 'area id', 'an unused id', area.id);
    const depth = levelIndex(this.levels, area.level);
    invariant(depth >= 0, `level of area ${area.id}`, this.levels.map((l) => l.id).join('|'), area.level);
    let parent = -1;
    if (area.parentId === null) {
      invariant(depth === 0, `level of root area ${area.id}`, this.levels[0]?.id, area.level);
    } else {
      const found = this.areaIndex.get(area.parentId);
      invariant(found !== undefined, `parent of area ${area.id}`, 'an existing area', area.parentId);
      parent = found;
      const expected = this.levels[this.areaDepth[parent]! + 1]?.id;
      invariant(area.level === expected, `level of area ${area.id} under ${area.parentId}`, expected, area.level);
    }
    const index = this.areaCount++;
    this.areaParent = withLength(this.areaParent, this.areaCount);
    this.areaDepth = withLength(this.areaDepth, this.areaCount);
    this.areaParent[index] = parent;
    this.areaDepth[index] = depth;
    this.areaIds.push(area.id);
    this.areaIndex.set(area.id, index);
    return index;
  }

  /** The index of a leaf area (the level that holds buildings), or an InvariantError. */
  leafArea(areaId: string, what: string): number {
    const area = this.areaIndex.get(areaId);
    invariant(area !== undefined, what, 'an existing area', areaId);
    const leaf = this.levels[this.leafDepth]!.id;
    invariant(this.areaDepth[area] === this.leafDepth, `level of ${what}`, leaf, this.levels[this.areaDepth[area]!]?.id);
    return area;
  }

  addBuilding(building: Pick<Building, 'id' | 'areaId'>): number {
    invariant(this.buildingIndex.size === this.buildingCount, 'buildings loaded without ids', 'no building without an id', this.buildingCount - this.buildingIndex.size);
    const area = this.leafArea(building.areaId, `area of building ${building.id}`);
    this.buildingIndex.add(building.id);
    return this.appendBuilding(area);
  }

  /** Indexes a new household's id; its entry number must be its index. */
  indexHousehold(id: string, household: number): void {
    invariant(this.householdIndex.size === household, 'households loaded without ids', 'no household without an id', household - this.householdIndex.size);
    this.householdIndex.add(id);
  }

  /** The households of a building, in the order they were added; the index behind it is rebuilt after households are added. */
  householdsOf(building: number): Int32Array {
    let index = this.householdsByBuilding;
    if (index === null || index.households !== this.householdCount) index = this.householdsByBuilding = this.indexByBuilding();
    return index.list.subarray(index.starts[building], index.starts[building + 1]);
  }

  private indexByBuilding(): { households: number; starts: Int32Array; list: Int32Array } {
    const starts = new Int32Array(this.buildingCount + 1);
    for (let h = 0; h < this.householdCount; h++) starts[(this.householdWord[h]! >>> 8) + 1]!++;
    for (let b = 0; b < this.buildingCount; b++) starts[b + 1]! += starts[b]!;
    const next = starts.slice(0, this.buildingCount);
    const list = new Int32Array(this.householdCount);
    for (let h = 0; h < this.householdCount; h++) list[next[this.householdWord[h]! >>> 8]!++] = h;
    return { households: this.householdCount, starts, list };
  }

  /** A member's info byte by slot. */
  infoOf(slot: number): number {
    return this.memberInfo === null ? 0 : this.memberInfo[slot]!;
  }

  setInfo(slot: number, info: number): void {
    if (this.memberInfo === null) {
      if (info === 0) return;
      this.memberInfo = new Uint8Array(Math.max(16, this.memberTop));
    }
    this.memberInfo = withLength(this.memberInfo, slot + 1);
    this.memberInfo[slot] = info;
  }

  appendBuilding(area: number): number {
    invariant(this.buildingCount < MAX_BUILDINGS, 'building count', `below ${MAX_BUILDINGS}`, this.buildingCount);
    const index = this.buildingCount++;
    this.buildingArea = withLength(this.buildingArea, this.buildingCount);
    this.buildingArea[index] = area;
    return index;
  }

  appendHousehold(building: number, vacant: boolean): number {
    invariant(this.householdCount < MAX_HOUSEHOLDS, 'household count', `below ${MAX_HOUSEHOLDS}`, this.householdCount);
    const index = this.householdCount++;
    this.householdWord = withLength(this.householdWord, this.householdCount);
    this.householdWord[index] = building * 256 + (vacant ? VACANT_BIT : 0);
    if ((index & (BLOCK_SIZE - 1)) === 0) {
      this.blockStart = withLength(this.blockStart, (index >>> BLOCK_SHIFT) + 1);
      this.blockStart[index >>> BLOCK_SHIFT] = this.memberTop;
    }
    return index;
  }

  leafOfHousehold(household: number): number {
    return this.buildingArea[this.householdWord[household]! >>> 8]!;
  }

  memberCountOf(household: number): number {
    return this.householdWord[household]! & COUNT_MASK;
  }

  /** The slot of a household's first member. */
  firstSlot(household: number): number {
    const words = this.householdWord;
    let slot = this.blockStart[household >>> BLOCK_SHIFT]!;
    for (let h = household & ~(BLOCK_SIZE - 1); h < household; h++) slot += words[h]! & COUNT_MASK;
    return slot;
  }

  /**
   * Makes room for one more member at the end of the household's run of slots
   * and returns the new member's ordinal and slot. Moves the household's block
   * to the end of the slot range first when the block is not already there.
   */
  appendMemberSlot(household: number, owner: MemberSlotOwner): { ordinal: number; slot: number } {
    const ordinal = this.memberCountOf(household);
    invariant(ordinal < MAX_MEMBERS_PER_HOUSEHOLD, `members of household #${household}`, `at most ${MAX_MEMBERS_PER_HOUSEHOLD}`, ordinal + 1);
    const block = household >>> BLOCK_SHIFT;
    const first = block << BLOCK_SHIFT;
    const end = Math.min(first + BLOCK_SIZE, this.householdCount);
    let used = 0;
    for (let h = first; h < end; h++) used += this.householdWord[h]! & COUNT_MASK;
    let start = this.blockStart[block]!;
    const info = this.memberInfo === null ? null : this;
    if (start + used !== this.memberTop) {
      owner.reserveMemberSlots(this.memberTop + used + 1);
      owner.moveMemberSlots(start, this.memberTop, used);
      info?.moveInfo(start, this.memberTop, used);
      start = this.memberTop;
      this.blockStart[block] = start;
      this.memberTop += used;
    } else {
      owner.reserveMemberSlots(this.memberTop + 1);
    }
    const slot = this.firstSlot(household) + ordinal;
    owner.moveMemberSlots(slot, slot + 1, start + used - slot);
    owner.clearMemberSlot(slot);
    if (info) {
      info.moveInfo(slot, slot + 1, start + used - slot);
      this.memberInfo![slot] = 0;
    }
    this.memberTop++;
    this.memberCount++;
    this.householdWord[household]!++;
    return { ordinal, slot };
  }

  private moveInfo(from: number, to: number, length: number): void {
    this.memberInfo = withLength(this.memberInfo!, to + length + 1);
    if (length > 0) this.memberInfo.copyWithin(to, from, from + length);
  }

  /** Sets a member's special-group mask (0 clears it). */
  tagMember(household: number, ordinal: number, mask: number): void {
    const key = household * MEMBER_KEY_SPAN + ordinal;
    this.tags.set(key, mask);
    if (mask === 0) return;
    this.householdWord[household]! |= TAGGED_BIT;
  }

  /** Bytes of every typed array the roster keeps. */
  get byteLength(): number {
    return (
      this.areaParent.byteLength +
      this.areaDepth.byteLength +
      this.buildingArea.byteLength +
      this.householdWord.byteLength +
      this.blockStart.byteLength +
      this.tags.byteLength +
      (this.memberInfo?.byteLength ?? 0)
    );
  }

  /** Bytes of the id indexes and the building index, which a roster loaded without ids does not have. */
  get lookupBytes(): number {
    const byBuilding = this.householdsByBuilding;
    return this.buildingIndex.memoryBytes + this.householdIndex.memoryBytes + this.memberIndex.memoryBytes + (byBuilding ? byBuilding.starts.byteLength + byBuilding.list.byteLength : 0);
  }
}
