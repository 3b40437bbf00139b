import { describe, expect, it } from 'vitest';
import type { AreaCountsRow, Figure } from '../src/lib/api/types.js';
import { colourFor, legendOf, measureById } from '../src/lib/measures/measures.js';
import { PALETTE } from '../src/lib/measures/palette.js';
import { areaCounts } from './area-counts.js';

const coverage = measureById('coverage');

function row(figure: Figure | undefined): AreaCountsRow {
  return { areaId: 'mg-1', counts: areaCounts(), figures: { coverage: figure } };
}

describe('colourFor', () => {
  it('uses the colour class the server chose, so the map agrees with the reports', () => {
    expect(colourFor(row({ value: 0.99, colour: 'red' }), coverage)).toBe(PALETTE.red);
  });

  it('accepts a CSS colour from the server as it is', () => {
    expect(colourFor(row({ value: 0.5, colour: '#123456' }), coverage)).toBe('#123456');
  });

  it.each([
    { value: 0, expected: PALETTE.red },
    { value: 0.4999, expected: PALETTE.red },
    { value: 0.5, expected: PALETTE.orange },
    { value: 0.8, expected: PALETTE.yellow },
    { value: 0.95, expected: PALETTE.green },
    { value: 1, expected: PALETTE.green },
  ])('falls back to the bands when only a value comes: $value', ({ value, expected }) => {
    expect(colourFor(row({ value }), coverage)).toBe(expected);
  });

  it('answers "no data" (null) for a missing row, a missing figure or a null value', () => {
    expect(colourFor(undefined, coverage)).toBeNull();
    expect(colourFor(row(undefined), coverage)).toBeNull();
    expect(colourFor(row({ value: null, colour: 'grey' }), coverage)).toBeNull();
  });
});

describe('legendOf', () => {
  it("lists the core rules' bands highest first, each ending where the one above starts", () => {
    expect(legendOf(coverage).map((entry) => ('from' in entry ? [entry.from, entry.to] : null))).toEqual([
      [0.95, null],
      [0.8, 0.95],
      [0.5, 0.8],
      [0, 0.5],
    ]);
  });

  it('names the states of the codes measure, best first', () => {
    expect(legendOf(measureById('codes')).map((entry) => ('label' in entry ? entry.label : null))).toEqual([
      'legend.codes.none',
      'legend.codes.yellow',
      'legend.codes.red',
    ]);
  });
});

describe('a share without server figures', () => {
  it('derives coverage from the counts: visited households over households to visit', () => {
    const counts = areaCounts({ visited: 3, toVisit: 4 });
    expect(coverage.figure({ areaId: 'mg-1', counts })).toEqual({ value: 0.75, numerator: 3, denominator: 4 });
  });

  it('calls an area with nothing to visit "no data", not 0 %', () => {
    const counts = areaCounts({ visited: 0, toVisit: 0 });
    expect(coverage.figure({ areaId: 'mg-1', counts })).toBeNull();
  });
});
