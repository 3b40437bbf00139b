import { NUCLEIC_ACID_RULES, NUCLEIC_ACID_TEMPLATE } from '@gridsweep/core';
import { describe, expect, it } from 'vitest';
import type { AreaCountsRow, AreaProperties, BuildingCounts } from '../src/lib/api/types.js';
import { measuresOf } from '../src/lib/measures/campaign-measures.js';
import { mostLagging, mostLaggingBuildings } from '../src/lib/measures/lagging.js';
import { areaCounts } from './area-counts.js';

const coverage = measuresOf(NUCLEIC_ACID_TEMPLATE, NUCLEIC_ACID_RULES).find((measure) => measure.id === 'coverage')!;

function area(id: string): AreaProperties {
  return { id, parentId: 'grid-1', ancestry: [{ id: 'grid-1', name: 'Grid 1' }], level: 'microgrid', name: id };
}

function row(areaId: string, visited: number, toVisit: number): AreaCountsRow {
  return { areaId, counts: areaCounts({ households: { total: toVisit, toVisit, visited } }) };
}

describe('mostLagging', () => {
  it('ranks areas with data from the lowest value up and leaves out areas without data', () => {
    const areas = new Map(['a', 'b', 'c', 'd'].map((id) => [id, area(id)]));
    const rows = new Map([row('a', 90, 100), row('b', 20, 100), row('c', 0, 0), row('d', 50, 100)].map((r) => [r.areaId, r]));
    expect(mostLagging(areas, rows, coverage, 2).map((entry) => entry.area.id)).toEqual(['b', 'd']);
  });

  it('leaves out areas on target (in the best colour band): nothing lags there', () => {
    const areas = new Map(['done', 'nearly', 'behind'].map((id) => [id, area(id)]));
    const rows = new Map([row('done', 950, 1000), row('nearly', 949, 1000), row('behind', 300, 1000)].map((r) => [r.areaId, r]));
    expect(mostLagging(areas, rows, coverage, 10).map((entry) => entry.area.id)).toEqual(['behind', 'nearly']);
  });
});

function building(id: string, visited: number, toVisit: number): BuildingCounts {
  return { id, name: id, units: 1, floors: 1, location: null, households: { total: toVisit, toVisit, visited, noAnswer: 0, refused: 0, vacant: 0 } };
}

describe('mostLaggingBuildings', () => {
  it('ranks buildings by household coverage from the lowest up and leaves out those with nothing to visit', () => {
    const buildings = [building('b-full', 4, 4), building('b-empty', 0, 0), building('b-none', 0, 4), building('b-half', 2, 4)];
    const ranked = mostLaggingBuildings(buildings, 10);
    expect(ranked.map((entry) => entry.building.id)).toEqual(['b-none', 'b-half', 'b-full']);
    expect(ranked.map((entry) => entry.value)).toEqual([0, 0.5, 1]);
  });
});
