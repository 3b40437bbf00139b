import type { AreaGeometry, Point, Position } from './geometry.js';

/** Returns why a value is not a usable position, or undefined when it is one. */
function positionProblem(value: unknown): string | undefined {
  if (!Array.isArray(value) || value.length < 2) return 'a position must be [longitude, latitude]';
  const [lon, lat] = value as unknown[];
  if (typeof lon !== 'number' || typeof lat !== 'number' || !Number.isFinite(lon) || !Number.isFinite(lat)) {
    return 'longitude and latitude must be numbers';
  }
  if (lon < -180 || lon > 180) return 'longitude must be within -180..180';
  if (lat < -90 || lat > 90) return 'latitude must be within -90..90';
  return undefined;
}

function ringProblem(ring: unknown): string | undefined {
  if (!Array.isArray(ring) || ring.length < 4) return 'a ring needs at least 4 positions';
  for (const position of ring) {
    const problem = positionProblem(position);
    if (problem) return problem;
  }
  const first = ring[0] as Position;
  const last = ring[ring.length - 1] as Position;
  if (first[0] !== last[0] || first[1] !== last[1]) return 'a ring must end where it starts';
  return undefined;
}

function polygonProblem(rings: unknown): string | undefined {
  if (!Array.isArray(rings) || rings.length === 0) return 'a polygon needs at least one ring';
  for (const ring of rings) {
    const problem = ringProblem(ring);
    if (problem) return problem;
  }
  return undefined;
}

/** Why the value is not a GeoJSON Polygon or MultiPolygon, or undefined if it is. */
export function areaGeometryProblem(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return 'must be a GeoJSON Polygon or MultiPolygon';
  const { type, coordinates } = value as { type?: unknown; coordinates?: unknown };
  if (type === 'Polygon') return polygonProblem(coordinates);
  if (type === 'MultiPolygon') {
    if (!Array.isArray(coordinates) || coordinates.length === 0) return 'a MultiPolygon needs at least one polygon';
    for (const polygon of coordinates) {
      const problem = polygonProblem(polygon);
      if (problem) return problem;
    }
    return undefined;
  }
  return 'must be a GeoJSON Polygon or MultiPolygon';
}

/** Why the value is not a GeoJSON Point, or undefined if it is. */
export function pointProblem(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return 'must be a GeoJSON Point';
  const { type, coordinates } = value as { type?: unknown; coordinates?: unknown };
  if (type !== 'Point') return 'must be a GeoJSON Point';
  return positionProblem(coordinates);
}

export function isAreaGeometry(value: unknown): value is AreaGeometry {
  return areaGeometryProblem(value) === undefined;
}

export function isPoint(value: unknown): value is Point {
  return pointProblem(value) === undefined;
}
