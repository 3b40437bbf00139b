import gcoordModule from 'gcoord';

// gcoord's types declare an ES default export, while Node hands an ES import
// its CommonJS module.exports: take whichever object has the functions.
type Gcoord = typeof gcoordModule.default;
const gcoord: Gcoord = 'transform' in gcoordModule ? (gcoordModule as unknown as Gcoord) : gcoordModule.default;

/** The coordinate systems boundaries come in: GPS and most GIS (WGS 84), AMap and Tencent (GCJ-02), Baidu (BD-09). */
export const COORDINATE_SYSTEMS = ['wgs84', 'gcj02', 'bd09'] as const;
export type CoordinateSystem = (typeof COORDINATE_SYSTEMS)[number];

export function isCoordinateSystem(value: string): value is CoordinateSystem {
  return (COORDINATE_SYSTEMS as readonly string[]).includes(value);
}

const FROM = { wgs84: gcoord.WGS84, gcj02: gcoord.GCJ02, bd09: gcoord.BD09 } as const;

/**
 * A copy of GeoJSON coordinates (a position, or nested lists of them) moved
 * into WGS 84, which the map and every stored geometry use. Values that are
 * not positions are copied unchanged, for the geometry checks to report.
 */
export function toWgs84<T>(coordinates: T, from: CoordinateSystem): T {
  if (from === 'wgs84') return coordinates;
  const walk = (value: unknown): unknown => {
    if (!Array.isArray(value)) return value;
    if (value.length >= 2 && typeof value[0] === 'number' && typeof value[1] === 'number') {
      const [lon, lat] = gcoord.transform([value[0], value[1]] as [number, number], FROM[from], gcoord.WGS84);
      // Seven decimals are about a centimetre: enough, and the stored JSON stays small.
      return [round(lon), round(lat)];
    }
    return value.map(walk);
  };
  return walk(coordinates) as T;
}

function round(value: number): number {
  return Math.round(value * 1e7) / 1e7;
}
