import { describe, expect, it } from 'vitest';
import type { AreaCountsRow, AreaProperties, BuildingCounts } from '../src/lib/api/types.js';
import { countAt } from '../src/lib/measures/count-at.js';
import { mostLagging, mostLaggingBuildings } from '../src/lib/measures/lagging.js';
import { measureById } from '../src/lib/measures/measures.js';
import { areaCounts } from './area-counts.js';

function area(id: string): AreaProperties {
  return { id, parentId: 'grid-1', ancestry: [{ id: 'grid-1', name: 'Grid 1' }], level: 'microgrid', name: id };
}

function row(areaId: string, coverage: number | null): AreaCountsRow {
  return { areaId, counts: areaCounts(), figures: { coverage: { value: coverage } } };
}

describe('mostLagging', () => {
  it('ranks areas with data from the lowest value up and leaves out areas without data', () => {
    const areas = new Map(['a', 'b', 'c', 'd'].map((id) => [id, area(id)]));
    const rows = new Map([row('a', 0.9), row('b', 0.2), row('c', null), row('d', 0.5)].map((r) => [r.areaId, r]));
    expect(mostLagging(areas, rows, measureById('coverage'), 2).map((entry) => entry.area.id)).toEqual(['b', 'd']);
  });

  it('leaves out areas on target (in the best colour band): nothing lags there', () => {
    const areas = new Map(['done', 'nearly', 'behind'].map((id) => [id, area(id)]));
    const rows = new Map([row('done', 0.95), row('nearly', 0.949), row('behind', 0.3)].map((r) => [r.areaId, r]));
    expect(mostLagging(areas, rows, measureById('coverage'), 10).map((entry) => entry.area.id)).toEqual(['behind', 'nearly']);
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

describe('countAt', () => {
  it('reads a nested count by its dotted path', () => {
    expect(countAt(areaCounts({ visited: 7 }), 'households.visited')).toBe(7);
  });

  it('answers null, not zero, for a path that is not there or counts nothing', () => {
    expect(countAt(areaCounts(), 'households.missing')).toBeNull();
    expect(countAt(undefined, 'households.visited')).toBeNull();
  });
});
