import type { AreaCollection, AreaCountsRow } from '../api/types.js';
import { colourFor, type Measure } from './measures.js';

/** The colour of every area shown, null where there is no data. */
export function colourMap(
  areas: AreaCollection | null,
  rows: ReadonlyMap<string, AreaCountsRow>,
  measure: Measure,
): ReadonlyMap<string, string | null> {
  const colours = new Map<string, string | null>();
  for (const feature of areas?.features ?? []) {
    const id = feature.properties.id;
    colours.set(id, colourFor(rows.get(id), measure));
  }
  return colours;
}
