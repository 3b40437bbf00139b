import type { AreaCountsRow, AreaProperties } from '../api/types.js';
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
