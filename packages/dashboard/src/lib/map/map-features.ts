import type { AreaCollection, AreaFeature } from '../api/types.js';

export interface MapFeature {
  readonly type: 'Feature';
  readonly geometry: NonNullable<AreaFeature['geometry']>;
  readonly properties: { readonly id: string };
}

export interface MapFeatureCollection {
  readonly type: 'FeatureCollection';
  readonly features: readonly MapFeature[];
}

/**
 * What the map's worker needs of the areas: each geometry and the id that
 * feature state is keyed by, nothing else. MapLibre copies every object of
 * the data to its worker, twice on each side of the message, and writes
 * every property into every tile; names and parents, which the page reads
 * from its own copy, would only add to that. Geometry objects are shared
 * with the collection, not copied.
 */
export function mapFeaturesOf(collection: AreaCollection): MapFeatureCollection {
  const features: MapFeature[] = [];
  for (const feature of collection.features) {
    if (feature.geometry) features.push({ type: 'Feature', geometry: feature.geometry, properties: { id: feature.properties.id } });
  }
  return { type: 'FeatureCollection', features };
}
