import type { BuildingCounts } from '../api/types.js';

export interface BuildingProperties {
  readonly id: string;
  readonly name: string;
}

export interface BuildingPointFeature {
  readonly type: 'Feature';
  readonly geometry: { readonly type: 'Point'; readonly coordinates: readonly [number, number] };
  readonly properties: BuildingProperties;
}

export interface BuildingPointCollection {
  readonly type: 'FeatureCollection';
  readonly features: readonly BuildingPointFeature[];
}

/**
 * The buildings as GeoJSON points for the map, id and name only: the figures
 * change with every visit and reach the map as feature state, so this
 * geometry is sent once per micro-grid. A building without a location has no
 * point and is left out.
 */
export function buildingPoints(buildings: readonly BuildingCounts[]): BuildingPointCollection {
  const features: BuildingPointFeature[] = [];
  for (const building of buildings) {
    if (!building.location) continue;
    features.push({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: building.location.coordinates },
      properties: { id: building.id, name: building.name },
    });
  }
  return { type: 'FeatureCollection', features };
}
