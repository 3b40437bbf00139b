import type { Area, Building } from '../territory/entities.js';
import { levelIndex, type Levels } from '../territory/levels.js';
import { invariant } from '../validation/invariant.js';
import { withLength } from './growable.js';
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
  readonly buildingIndex = new Map<string, number>();

  householdCount = 0;
  householdWord: Uint32Array = new Uint32Array(16);
  readonly householdIndex = new Map<string, number>();

  blockStart = new Uint32Array(4);
  /** One past the last member slot in use (moved blocks leave holes below it). */
  memberTop = 0;
  memberCount = 0;
  /** Member id to member key (household × 64 + ordinal). */
  readonly memberIndex = new Map<string, number>();
  readonly tags = new TagList();

  constructor(readonly levels: Levels) {}

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
    invariant(!this.buildingIndex.has(building.id), 'building id', 'an unused id', building.id);
    const area = this.leafArea(building.areaId, `area of building ${building.id}`);
    const index = this.appendBuilding(area);
    this.buildingIndex.set(building.id, index);
    return index;
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
    if (start + used !== this.memberTop) {
      owner.reserveMemberSlots(this.memberTop + used + 1);
      owner.moveMemberSlots(start, this.memberTop, used);
      start = this.memberTop;
      this.blockStart[block] = start;
      this.memberTop += used;
    } else {
      owner.reserveMemberSlots(this.memberTop + 1);
    }
    const slot = this.firstSlot(household) + ordinal;
    owner.moveMemberSlots(slot, slot + 1, start + used - slot);
    owner.clearMemberSlot(slot);
    this.memberTop++;
    this.memberCount++;
    this.householdWord[household]!++;
    return { ordinal, slot };
  }

  tagMember(household: number, ordinal: number, mask: number): void {
    if (mask === 0) return;
    this.tags.set(household * MEMBER_KEY_SPAN + ordinal, mask);
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
      this.tags.byteLength
    );
  }
}
