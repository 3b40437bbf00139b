import { colourBandOf, type CountingRules } from '@gridsweep/core';
import type { BuildingHouseholds } from '../api/types.js';
import { PALETTE } from './palette.js';

/** A building's household coverage, visited / toVisit; null when it has nothing to visit (no data, not 0 %). */
export function buildingCoverage(households: BuildingHouseholds): number | null {
  return households.toVisit > 0 ? households.visited / households.toVisit : null;
}

/** The colour of a building's point: the same bands as an area's coverage, null for "no data". */
export function buildingColour(households: BuildingHouseholds, rules: CountingRules): string | null {
  const coverage = buildingCoverage(households);
  if (coverage === null) return null;
  const band = colourBandOf(coverage, rules);
  return band ? PALETTE[band.colour] : null;
}
