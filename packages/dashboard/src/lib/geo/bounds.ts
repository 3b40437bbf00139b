/** A bounding box as GeoJSON writes it (RFC 7946 §5). */
export type Bounds = [west: number, south: number, east: number, north: number];
