import { describe, expect, it } from 'vitest';
import type { AreaCountsRow, AreaProperties } from '../src/lib/api/types.js';
import { mostLagging } from '../src/lib/measures/lagging.js';
import { measureById } from '../src/lib/measures/measures.js';
import { totalOf } from '../src/lib/measures/totals.js';

function area(id: string): AreaProperties {
  return { id, parentId: 'grid-1', level: 'microgrid', name: id };
}

function row(areaId: string, coverage: number | null, visited?: number): AreaCountsRow {
  return { areaId, counts: visited === undefined ? {} : { households: { visited } }, figures: { coverage: { value: coverage } } };
}

describe('mostLagging', () => {
  it('ranks areas with data from the lowest value up and leaves out areas without data', () => {
    const areas = new Map(['a', 'b', 'c', 'd'].map((id) => [id, area(id)]));
    const rows = new Map([row('a', 0.9), row('b', 0.2), row('c', null), row('d', 0.5)].map((r) => [r.areaId, r]));
    expect(mostLagging(areas, rows, measureById('coverage'), 2).map((entry) => entry.area.id)).toEqual(['b', 'd']);
  });
});

describe('totalOf', () => {
  it('sums a nested count over areas', () => {
    expect(totalOf([row('a', 1, 3), row('b', 1, 4)], 'households.visited')).toBe(7);
  });

  it('answers null, not zero, when no area reports the count', () => {
    expect(totalOf([row('a', 1)], 'households.visited')).toBeNull();
  });
});
