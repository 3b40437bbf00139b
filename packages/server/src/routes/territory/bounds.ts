import type { AreaGeometry } from '@gridsweep/core';
import { boundingBox, type BoundingBox } from '../../city/geometry.js';

/** [west, south, east, north] over the geometries (RFC 7946 §5); undefined when there are none. */
export function boundsOf(geometries: Iterable<AreaGeometry | null | undefined>): BoundingBox | undefined {
  let bounds: [number, number, number, number] | undefined;
  for (const geometry of geometries) {
    if (!geometry) continue;
    const [west, south, east, north] = boundingBox(geometry);
    bounds = bounds
      ? [Math.min(bounds[0], west), Math.min(bounds[1], south), Math.max(bounds[2], east), Math.max(bounds[3], north)]
      : [west, south, east, north];
  }
  return bounds;
}
