import { ELDERLY_VACCINATION_RULES, ELDERLY_VACCINATION_TEMPLATE, evaluateArea, NUCLEIC_ACID_RULES, NUCLEIC_ACID_TEMPLATE, type CountingRules } from '@gridsweep/core';
import { describe, expect, it } from 'vitest';
import type { AreaCountsRow } from '../src/lib/api/types.js';
import { colourFor, measuresOf } from '../src/lib/measures/campaign-measures.js';
import { legendText } from '../src/lib/measures/legend-text.js';
import { PALETTE } from '../src/lib/measures/palette.js';
import { areaCounts, type CountsGiven } from './area-counts.js';
import { figureWords } from './figure-words.js';

const nucleic = measuresOf(NUCLEIC_ACID_TEMPLATE, NUCLEIC_ACID_RULES);
const elderly = measuresOf(ELDERLY_VACCINATION_TEMPLATE, ELDERLY_VACCINATION_RULES);
const coverage = nucleic.find((measure) => measure.id === 'coverage')!;
const words = figureWords('en');

function row(given: CountsGiven): AreaCountsRow {
  return { areaId: 'mg-1', counts: areaCounts(given) };
}

describe('a share measure', () => {
  it.each([
    { visited: 0, expected: PALETTE.red },
    { visited: 4999, expected: PALETTE.red },
    { visited: 5000, expected: PALETTE.orange },
    { visited: 8000, expected: PALETTE.yellow },
    { visited: 9500, expected: PALETTE.green },
    { visited: 10000, expected: PALETTE.green },
  ])("colours $visited of 10 000 households visited by the rules' bands", ({ visited, expected }) => {
    expect(colourFor(row({ households: { total: 10_000, toVisit: 10_000, visited } }), coverage)).toBe(expected);
  });

  it("divides the template's own counts: the census's 60+ reached is members reached over members", () => {
    const reached = elderly.find((measure) => measure.id === 'reached')!;
    const figure = reached.figure(row({ members: { total: 8, reached: 6, eligible: 7, done: 1 } }));
    expect(figure).toEqual({ value: 0.75, numerator: 6, denominator: 8 });
    expect(reached.text(figure!, words)).toBe('75%');
    expect(reached.detail(figure!, words)).toBe('6 / 8');
  });

  it('calls an area with nothing to divide by "no data", not 0 %', () => {
    expect(coverage.figure(row({ households: { total: 3, vacant: 3 } }))).toBeNull();
    expect(colourFor(undefined, coverage)).toBeNull();
  });

  it("takes the colour the server's rules gave the area, so the map agrees with every report", () => {
    // Stricter rules on the server: 99 % is still red there, though green by the rules this page holds.
    const strict: CountingRules = { ...NUCLEIC_ACID_RULES, colourBands: [{ colour: 'red', from: 0 }, { colour: 'green', from: 1 }] };
    const counts = areaCounts({ households: { total: 100, toVisit: 100, visited: 99 } });
    const served: AreaCountsRow = { areaId: 'mg-1', counts, figures: evaluateArea(counts, NUCLEIC_ACID_TEMPLATE, strict) };
    expect(colourFor({ areaId: 'mg-1', counts }, coverage)).toBe(PALETTE.green);
    expect(colourFor(served, coverage)).toBe(PALETTE.red);
    expect(coverage.figure(served)).toMatchObject({ value: 0.99, numerator: 99, denominator: 100 });
  });

  it("lists the rules' bands as its legend, highest first, each ending where the one above starts", () => {
    expect(coverage.legend.map((entry) => legendText(entry, words))).toEqual(['≥ 95%', '80% – 95%', '50% – 80%', '0% – 50%']);
  });

  it('ranks the lowest share first and calls the top band on target', () => {
    const low = coverage.figure(row({ households: { toVisit: 10, visited: 2 } }))!;
    const high = coverage.figure(row({ households: { toVisit: 100, visited: 95 } }))!;
    expect(coverage.compareLag(low, high)).toBeLessThan(0);
    expect(coverage.onTarget(high)).toBe(true);
    expect(coverage.onTarget(low)).toBe(false);
  });
});
