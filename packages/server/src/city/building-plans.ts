import type { Random } from './random.js';

export interface BuildingPlan {
  readonly units: number;
  readonly floors: number;
  readonly roomsPerFloor: number;
}

export function dwellings(plan: BuildingPlan): number {
  return plan.units * plan.floors * plan.roomsPerFloor;
}

type BuildingKind = 'walkup' | 'midrise' | 'tower';

// Fuzhou's housing: mostly six- and seven-storey walk-ups from the 1990s,
// mid-rise blocks, and 18- to 33-storey towers in newer estates.
const KINDS: readonly (readonly [BuildingKind, number])[] = [['walkup', 55], ['midrise', 25], ['tower', 20]];
const WALKUP_FLOORS: readonly (readonly [number, number])[] = [[6, 45], [7, 35], [5, 12], [8, 8]];

const WALKUP_UNITS: readonly (readonly [number, number])[] = [[1, 10], [2, 50], [3, 30], [4, 10]];
const TOWER_UNITS: readonly (readonly [number, number])[] = [[1, 15], [2, 55], [3, 20], [4, 10]];

function drawPlan(random: Random): BuildingPlan {
  const kind = random.weighted(KINDS);
  if (kind === 'walkup') return { units: random.weighted(WALKUP_UNITS), floors: random.weighted(WALKUP_FLOORS), roomsPerFloor: 2 };
  if (kind === 'midrise') return { units: random.int(2, 3), floors: random.int(8, 11), roomsPerFloor: random.int(2, 3) };
  return { units: random.weighted(TOWER_UNITS), floors: random.int(12, 33), roomsPerFloor: random.int(2, 4) };
}

const REDRAWS = 4;
const MAX_BUILDINGS = 12;

/**
 * The buildings of one micro-grid, filling a budget of dwellings: a
 * micro-grid is drawn around a few walk-ups or around one tower, so buildings
 * far too large for the budget are redrawn and the last one may overshoot a little.
 */
export function planBuildings(random: Random, budget: number): BuildingPlan[] {
  const plans: BuildingPlan[] = [];
  let total = 0;
  while (total < budget * 0.8 && plans.length < MAX_BUILDINGS) {
    const limit = plans.length === 0 ? budget * 2 : (budget - total) * 1.5;
    let plan = drawPlan(random);
    for (let r = 0; r < REDRAWS && dwellings(plan) > limit; r++) plan = drawPlan(random);
    if (dwellings(plan) > limit && plans.length > 0) break;
    plans.push(plan);
    total += dwellings(plan);
  }
  return plans;
}
