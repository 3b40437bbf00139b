import { NUCLEIC_ACID_RULES } from '@gridsweep/core';
import { describe, expect, it } from 'vitest';
import type { BuildingCounts, BuildingHouseholds } from '../src/lib/api/types.js';
import { buildingPoints } from '../src/lib/geo/building-points.js';
import { buildingColour, buildingCoverage } from '../src/lib/measures/building-colour.js';
import { PALETTE } from '../src/lib/measures/palette.js';

function households(visited: number, toVisit: number, vacant = 0): BuildingHouseholds {
  return { total: toVisit + vacant, toVisit, visited, noAnswer: 0, refused: 0, vacant };
}

function building(id: string, location: BuildingCounts['location']): BuildingCounts {
  return { id, name: `${id}号楼`, units: 2, floors: 6, location, households: households(3, 10) };
}

describe('building colours', () => {
  it.each([
    { visited: 0, toVisit: 4, expected: PALETTE.red },
    { visited: 2, toVisit: 4, expected: PALETTE.orange },
    { visited: 17, toVisit: 20, expected: PALETTE.yellow },
    { visited: 4, toVisit: 4, expected: PALETTE.green },
  ])('colours $visited of $toVisit visited with the same bands as an area', ({ visited, toVisit, expected }) => {
    expect(buildingColour(households(visited, toVisit), NUCLEIC_ACID_RULES)).toBe(expected);
  });

  it('gives a building whose dwellings are all vacant no data, not 0 %', () => {
    expect(buildingCoverage(households(0, 0, 6))).toBeNull();
    expect(buildingColour(households(0, 0, 6), NUCLEIC_ACID_RULES)).toBeNull();
  });
});

describe('buildingPoints', () => {
  it('makes one point per located building carrying only its id and name, and leaves out a building with no location', () => {
    const points = buildingPoints([building('1', { type: 'Point', coordinates: [119.3, 26.1] }), building('2', null)]);
    expect(points).toEqual({
      type: 'FeatureCollection',
      features: [{ type: 'Feature', geometry: { type: 'Point', coordinates: [119.3, 26.1] }, properties: { id: '1', name: '1号楼' } }],
    });
  });
});
