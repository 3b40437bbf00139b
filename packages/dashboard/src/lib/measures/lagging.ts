import type { AreaCountsRow, AreaProperties, BuildingCounts } from '../api/types.js';
import { buildingCoverage } from './building-colour.js';
import type { Figure } from './figure.js';
import type { Measure } from './measure.js';

export interface LaggingArea {
  readonly area: AreaProperties;
  readonly figure: Figure;
}

/**
 * The areas that lag most by a measure, most lagging first: the lowest share,
 * or the most people (alerts before warnings). Areas without data, and
 * those on target (nothing lags there), are left out.
 */
export function mostLagging(
  areas: ReadonlyMap<string, AreaProperties>,
  rows: ReadonlyMap<string, AreaCountsRow>,
  measure: Measure,
  limit: number,
): LaggingArea[] {
  const ranked: LaggingArea[] = [];
  for (const [id, area] of areas) {
    const figure = measure.figure(rows.get(id));
    if (figure && !measure.onTarget(figure)) ranked.push({ area, figure });
  }
  ranked.sort((a, b) => measure.compareLag(a.figure, b.figure) || a.area.id.localeCompare(b.area.id));
  return ranked.slice(0, limit);
}

export interface LaggingBuilding {
  readonly building: BuildingCounts;
  readonly value: number;
}

/** The buildings with the lowest household coverage, lowest first; buildings with nothing to visit are left out. */
export function mostLaggingBuildings(buildings: readonly BuildingCounts[], limit: number): LaggingBuilding[] {
  const ranked: LaggingBuilding[] = [];
  for (const building of buildings) {
    const coverage = buildingCoverage(building.households);
    if (coverage !== null) ranked.push({ building, value: coverage });
  }
  ranked.sort((a, b) => a.value - b.value || a.building.id.localeCompare(b.building.id));
  return ranked.slice(0, limit);
}
