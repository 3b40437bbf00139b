import type { Area, BulkTerritory } from '../src/index.js';

/** Fan-out below the city: districts, streets, communities, grids, micro-grids. */
export const FAN_OUT = [10, 8, 10, 8, 6] as const;
const LEVEL_IDS = ['city', 'district', 'street', 'community', 'grid', 'microgrid'];
const HOUSEHOLDS_PER_BUILDING = 24;
/** Members per household 1..6, mean about 2.6 (roughly China's 2020 census household size). */
const MEMBER_WEIGHTS = [0, 0.24, 0.3, 0.22, 0.13, 0.07, 0.04];
const VACANT_SHARE = 0.03;
const TAGGED_SHARE = 0.04;

/** A small fast deterministic generator (xorshift32), so every run builds the same city. */
export function randomSource(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4294967296;
  };
}

export interface SyntheticCity {
  readonly bulk: BulkTerritory;
  readonly households: number;
  readonly members: number;
  /** Per household, the index of its micro-grid in `bulk.areas`. */
  readonly leafOfHousehold: Int32Array;
}

/** A 7-level city (six area levels, then buildings) of `households` households, in columns. */
export function syntheticCity(households: number, seed = 2022): SyntheticCity {
  const random = randomSource(seed);
  const areas: Pick<Area, 'id' | 'parentId' | 'level'>[] = [{ id: 'a0', parentId: null, level: 'city' }];
  let level = [0];
  FAN_OUT.forEach((fan, depth) => {
    const next: number[] = [];
    for (const parent of level) {
      for (let i = 0; i < fan; i++) {
        next.push(areas.length);
        areas.push({ id: `a${areas.length}`, parentId: areas[parent]!.id, level: LEVEL_IDS[depth + 1]! });
      }
    }
    level = next;
  });
  const leaves = level;
  const householdBuildings = new Int32Array(households);
  const leafOfHousehold = new Int32Array(households);
  const buildingAreas: number[] = [];
  let previousLeaf = -1;
  let inBuilding = 0;
  for (let h = 0; h < households; h++) {
    const leaf = leaves[Math.floor((h * leaves.length) / households)]!;
    if (leaf !== previousLeaf || inBuilding === HOUSEHOLDS_PER_BUILDING) {
      buildingAreas.push(leaf);
      previousLeaf = leaf;
      inBuilding = 0;
    }
    inBuilding++;
    householdBuildings[h] = buildingAreas.length - 1;
    leafOfHousehold[h] = leaf;
  }
  const householdMemberCounts = new Uint8Array(households);
  const householdVacant = new Uint8Array(households);
  let members = 0;
  for (let h = 0; h < households; h++) {
    let pick = random();
    let count = 1;
    while (count < MEMBER_WEIGHTS.length - 1 && pick > MEMBER_WEIGHTS[count]!) pick -= MEMBER_WEIGHTS[count++]!;
    householdMemberCounts[h] = count;
    householdVacant[h] = random() < VACANT_SHARE ? 1 : 0;
    members += count;
  }
  const memberTags = new Uint32Array(members);
  for (let m = 0; m < members; m++) if (random() < TAGGED_SHARE) memberTags[m] = 1 << Math.floor(random() * 7);
  return {
    bulk: { areas, buildingAreas: Int32Array.from(buildingAreas), householdBuildings, householdMemberCounts, householdVacant, memberTags },
    households,
    members,
    leafOfHousehold,
  };
}
