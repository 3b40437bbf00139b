type Ring = [number, number][];

/**
 * A copy of a (Multi)Polygon with its outer rings counter-clockwise and its
 * holes clockwise, as GeoJSON (RFC 7946) has them; Shapefiles wind the other
 * way. Other geometries, and coordinates that are not rings, are returned as they are.
 */
export function withRfc7946Winding<G extends { type: string; coordinates: unknown }>(geometry: G): G {
  const polygon = (rings: unknown): unknown => (Array.isArray(rings) ? rings.map((ring, index) => wound(ring, index === 0)) : rings);
  if (geometry.type === 'Polygon') return { ...geometry, coordinates: polygon(geometry.coordinates) };
  if (geometry.type === 'MultiPolygon' && Array.isArray(geometry.coordinates)) return { ...geometry, coordinates: geometry.coordinates.map(polygon) };
  return geometry;
}

function wound(ring: unknown, counterClockwise: boolean): unknown {
  if (!Array.isArray(ring) || !ring.every((p) => Array.isArray(p) && typeof p[0] === 'number' && typeof p[1] === 'number')) return ring;
  const positions = ring as Ring;
  return signedArea(positions) > 0 === counterClockwise ? positions : positions.toReversed();
}

/** Twice the ring's area, positive when it runs counter-clockwise. */
function signedArea(ring: Ring): number {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) sum += (ring[j]![0] - ring[i]![0]) * (ring[j]![1] + ring[i]![1]);
  return sum;
}
