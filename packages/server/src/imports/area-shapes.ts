import type { AreaGeometry } from '@gridsweep/core';
import { areaGeometryProblem } from '@gridsweep/core';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { kinks } from '@turf/kinks';
import { pointOnFeature } from '@turf/point-on-feature';
import { toFeature } from '../city/geometry.js';

/** Why an outline cannot be stored, or undefined: a GeoJSON (Multi)Polygon with closed rings that do not cross themselves. */
export function outlineProblem(geometry: unknown): string | undefined {
  const problem = areaGeometryProblem(geometry);
  if (problem) return problem;
  const crossings = kinks(toFeature(geometry as AreaGeometry)).features;
  if (crossings.length > 0) {
    const [lon, lat] = crossings[0]!.geometry.coordinates;
    return `the outline crosses itself near ${lon!.toFixed(6)}, ${lat!.toFixed(6)}`;
  }
  return undefined;
}

/** A point surely inside the outline (not its centroid, which a crescent can lack). */
export function pointInside(geometry: AreaGeometry): [number, number] {
  const [lon, lat] = pointOnFeature(toFeature(geometry)).geometry.coordinates;
  return [lon!, lat!];
}

export function contains(outline: AreaGeometry, point: readonly [number, number]): boolean {
  return booleanPointInPolygon([point[0], point[1]], toFeature(outline));
}
