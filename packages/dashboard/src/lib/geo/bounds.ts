import type { AreaCollection } from '../api/types.js';

export type Bounds = [west: number, south: number, east: number, north: number];

/** The bounding box of every coordinate in a collection, or null when it has none. */
export function boundsOf(collection: AreaCollection): Bounds | null {
  const box: Bounds = [Infinity, Infinity, -Infinity, -Infinity];
  const visit = (coordinates: unknown): void => {
    if (!Array.isArray(coordinates)) return;
    if (typeof coordinates[0] === 'number' && typeof coordinates[1] === 'number') {
      const [x, y] = coordinates as [number, number];
      if (x < box[0]) box[0] = x;
      if (y < box[1]) box[1] = y;
      if (x > box[2]) box[2] = x;
      if (y > box[3]) box[3] = y;
      return;
    }
    for (const child of coordinates) visit(child);
  };
  for (const feature of collection.features) visit(feature.geometry?.coordinates);
  return Number.isFinite(box[0]) ? box : null;
}
