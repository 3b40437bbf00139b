import type { AreaGeometry } from '@gridsweep/core';
import { areaGeometryProblem } from '@gridsweep/core';
import { area as squareMetres } from '@turf/area';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { featureCollection } from '@turf/helpers';
import { intersect } from '@turf/intersect';
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

/** The share of the child's area that lies outside the parent: 0 when wholly inside. */
export function shareOutside(child: AreaGeometry, parent: AreaGeometry): number {
  const childFeature = toFeature(child);
  const total = squareMetres(childFeature);
  if (total === 0) return 0;
  const inside = intersect(featureCollection([childFeature, toFeature(parent)]));
  return 1 - (inside ? squareMetres(inside) : 0) / total;
}
