import type { AreaGeometry, Point, Position } from '@gridsweep/core';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { feature } from '@turf/helpers';
import type { intersect } from '@turf/intersect';

/** The polygon feature turf works with; taken from turf's own signature rather than @types/geojson. */
export type PolygonalFeature = NonNullable<ReturnType<typeof intersect>>;

/** Where Fuzhou's old town lies, roughly; the city is drawn around it. */
export const CITY_CENTRE: Position = [119.3, 26.08];

const KM_PER_DEGREE_LAT = 110.574;
const KM_PER_DEGREE_LON = 111.32 * Math.cos((CITY_CENTRE[1] * Math.PI) / 180);

// 1e-8 degrees is about a millimetre: plenty for a map, and it keeps files smaller
// than full doubles would. Children on a parent edge may stick out by that much.
const COORDINATE_SCALE = 1e8;

export function roundCoordinate(value: number): number {
  return Math.round(value * COORDINATE_SCALE) / COORDINATE_SCALE;
}

/** A position `eastKm` east and `northKm` north of the city centre. */
export function offsetFromCentre(eastKm: number, northKm: number): Position {
  return [
    roundCoordinate(CITY_CENTRE[0] + eastKm / KM_PER_DEGREE_LON),
    roundCoordinate(CITY_CENTRE[1] + northKm / KM_PER_DEGREE_LAT),
  ];
}

export function toFeature(geometry: AreaGeometry): PolygonalFeature {
  // Core's geometry types are readonly views of the same GeoJSON shapes.
  return feature(geometry as unknown as PolygonalFeature['geometry']);
}

export function toAreaGeometry(polygonal: PolygonalFeature): AreaGeometry {
  const geometry = polygonal.geometry;
  if (geometry.type === 'Polygon') return { type: 'Polygon', coordinates: roundRings(geometry.coordinates) };
  const polygons = geometry.coordinates.map(roundRings).filter((rings) => rings.length > 0);
  if (polygons.length === 1) return { type: 'Polygon', coordinates: polygons[0]! };
  return { type: 'MultiPolygon', coordinates: polygons };
}

/** Rounds every position and drops the repeats that rounding can create. */
function roundRings(rings: readonly (readonly (readonly number[])[])[]): Position[][] {
  const result: Position[][] = [];
  for (const ring of rings) {
    const rounded: Position[] = [];
    for (const position of ring) {
      const next: Position = [roundCoordinate(position[0]!), roundCoordinate(position[1]!)];
      const previous = rounded[rounded.length - 1];
      if (!previous || previous[0] !== next[0] || previous[1] !== next[1]) rounded.push(next);
    }
    if (rounded.length >= 4) result.push(rounded);
  }
  return result;
}

export type BoundingBox = readonly [west: number, south: number, east: number, north: number];

export function boundingBox(geometry: AreaGeometry): BoundingBox {
  let west = Infinity;
  let south = Infinity;
  let east = -Infinity;
  let north = -Infinity;
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  for (const polygon of polygons) {
    for (const [lon, lat] of polygon[0] ?? []) {
      west = Math.min(west, lon);
      east = Math.max(east, lon);
      south = Math.min(south, lat);
      north = Math.max(north, lat);
    }
  }
  return [west, south, east, north];
}

/** Strictly inside: a point on the boundary does not count. */
export function containsPoint(area: PolygonalFeature, position: Position): boolean {
  return booleanPointInPolygon(position as [number, number], area, { ignoreBoundary: true });
}

export function pointGeometry(position: Position): Point {
  return { type: 'Point', coordinates: position };
}
