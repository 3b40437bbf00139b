import { readFile } from 'node:fs/promises';
import type { AreaCandidate } from './area-candidate.js';
import { areaCandidateOf } from './area-sources.js';
import type { CoordinateSystem } from './coordinate-systems.js';
import type { ProblemList } from './import-problem.js';
import { readZippedShapefile } from './shapefile-reader.js';

/**
 * Area candidates from a zip of Shapefiles, read like a GeoJSON's features:
 * the same properties, the same --crs. Features are numbered from 0 across
 * the zip's layers in its order; with several layers, a problem's column
 * names the layer ("街道/NAME"). A zip that cannot be read is one problem, at row 0.
 */
export async function areaCandidatesFromShapefile(path: string, crs: CoordinateSystem, problems: ProblemList): Promise<AreaCandidate[]> {
  const read = await readZippedShapefile(await readFile(path));
  if ('reason' in read) {
    problems.add({ row: 0, column: read.file, value: '', reason: read.reason });
    return [];
  }
  const several = read.layers.length > 1;
  let row = 0;
  return read.layers.flatMap((layer) => layer.features.map((feature) => areaCandidateOf(feature, row++, crs, several ? `${layer.name}/` : '')));
}
