import type { AreaCountsRow, AreaProperties, BuildingCounts } from '../api/types.js';
import { buildingCoverage } from './building-colour.js';
import { figureOf, type Measure } from './measures.js';

export interface LaggingArea {
  readonly area: AreaProperties;
  readonly value: number;
}

/** The areas with the lowest value of a measure, lowest first; areas without data are left out. */
export function mostLagging(
  areas: ReadonlyMap<string, AreaProperties>,
  rows: ReadonlyMap<string, AreaCountsRow>,
  measure: Measure,
  limit: number,
): LaggingArea[] {
  const ranked: LaggingArea[] = [];
  for (const [id, area] of areas) {
    const figure = figureOf(rows.get(id), measure);
    if (figure) ranked.push({ area, value: figure.value! });
  }
  ranked.sort((a, b) => a.value - b.value || a.area.id.localeCompare(b.area.id));
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
