// The few GeoJSON shapes the model stores. Declared here rather than taken from
// @types/geojson so the core keeps zero runtime and type dependencies.

export type Position = readonly [longitude: number, latitude: number];

export interface Point {
  readonly type: 'Point';
  readonly coordinates: Position;
}

export interface Polygon {
  readonly type: 'Polygon';
  readonly coordinates: readonly (readonly Position[])[];
}

export interface MultiPolygon {
  readonly type: 'MultiPolygon';
  readonly coordinates: readonly (readonly (readonly Position[])[])[];
}

export type AreaGeometry = Polygon | MultiPolygon;
