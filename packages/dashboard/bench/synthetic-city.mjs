// The bench's micro-grids, shaped as the server's GET /api/v1/areas.geojson answers.

/** A small deterministic generator, so every run draws and changes the same features. */
export function seededRandom(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// The server rounds coordinates to 1e-8 degrees (ADR 0040).
const round = (value) => Math.round(value * 1e8) / 1e8;

/**
 * Micro-grids as the server keeps them: a honeycomb of slightly jittered
 * hexagons around Fuzhou (6 corners; the synthetic city's Voronoi micro-grids
 * have 4.9 on average, up to 9), neighbours sharing their corners, coordinates
 * rounded as the server rounds them, and the same properties (id, parentId,
 * ancestry, level, name), names repeating from grid to grid as they do there.
 */
export function syntheticAreas(count, random) {
  const columns = Math.ceil(Math.sqrt(count * 1.25));
  const size = 0.0014;
  const dx = Math.sqrt(3) * size;
  const dy = 1.5 * size;
  const west = 119.3 - (columns * dx) / 2;
  const north = 26.08 + (Math.ceil(count / columns) * dy) / 2;
  const corners = new Map();
  // Shared corners are jittered once, so neighbours still tile without gaps.
  const corner = (x, y) => {
    const key = `${Math.round((x / size) * 4)},${Math.round((y / size) * 4)}`;
    let position = corners.get(key);
    if (!position) {
      position = [round(x + (random() - 0.5) * size * 0.2), round(y + (random() - 0.5) * size * 0.2)];
      corners.set(key, position);
    }
    return position;
  };
  const features = [];
  for (let index = 0; index < count; index++) {
    const row = Math.floor(index / columns);
    const cx = west + (index % columns) * dx + (row % 2) * (dx / 2);
    const cy = north - row * dy;
    const ring = [];
    for (let k = 0; k < 6; k++) {
      const angle = ((60 * k - 30) * Math.PI) / 180;
      ring.push(corner(cx + size * Math.cos(angle), cy + size * Math.sin(angle)));
    }
    ring.push(ring[0]);
    const grid = Math.floor(index / 5);
    const id = `mg-${index}`;
    features.push({
      type: 'Feature',
      id,
      geometry: { type: 'Polygon', coordinates: [ring] },
      properties: {
        id,
        parentId: `grid-${grid}`,
        ancestry: [
          { id: `grid-${grid}`, name: `第${(grid % 40) + 1}网格` },
          { id: `community-${grid >> 3}`, name: `社区${(grid >> 3) + 1}` },
        ],
        level: 'microgrid',
        name: `${(grid % 40) + 1}-${(index % 5) + 1}微网格`,
      },
    });
  }
  return { type: 'FeatureCollection', features };
}

/** [west, south, east, north] of every corner, as the server's bbox. */
export function bboxOf(collection) {
  const box = [Infinity, Infinity, -Infinity, -Infinity];
  for (const feature of collection.features) {
    for (const [x, y] of feature.geometry.coordinates[0]) {
      box[0] = Math.min(box[0], x);
      box[1] = Math.min(box[1], y);
      box[2] = Math.max(box[2], x);
      box[3] = Math.max(box[3], y);
    }
  }
  return box;
}
