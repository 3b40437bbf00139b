import { describe, expect, it } from 'vitest';
import type { AreaCollection } from '../src/lib/api/types.js';
import { mapFeaturesOf } from '../src/lib/map/map-features.js';

const square = { type: 'Polygon', coordinates: [[[119.3, 26.08], [119.31, 26.08], [119.31, 26.09], [119.3, 26.08]]] };

function collection(): AreaCollection {
  return {
    type: 'FeatureCollection',
    features: [
      { type: 'Feature', id: 'mg-1', geometry: square, properties: { id: 'mg-1', parentId: 'g-1', ancestry: [{ id: 'g-1', name: '第1网格' }], level: 'microgrid', name: '1-1微网格' } },
      { type: 'Feature', id: 'mg-2', geometry: null, properties: { id: 'mg-2', parentId: 'g-1', ancestry: [{ id: 'g-1', name: '第1网格' }], level: 'microgrid', name: '1-2微网格' } },
    ],
  };
}

describe('mapFeaturesOf', () => {
  it('gives the map each geometry with only the id that feature state is keyed by', () => {
    expect(mapFeaturesOf(collection()).features).toEqual([{ type: 'Feature', geometry: square, properties: { id: 'mg-1' } }]);
  });

  it('shares the geometry with the collection instead of copying it', () => {
    const areas = collection();
    expect(mapFeaturesOf(areas).features[0]?.geometry).toBe(areas.features[0]?.geometry);
  });

  it('leaves out an area without geometry, which the map could not draw anyway', () => {
    expect(mapFeaturesOf(collection()).features.map((feature) => feature.properties.id)).toEqual(['mg-1']);
  });
});
