import { NUCLEIC_ACID_RULES, NUCLEIC_ACID_TEMPLATE } from '@gridsweep/core';
import { describe, expect, it } from 'vitest';
import type { AreaCountsRow, AreaProperties } from '../src/lib/api/types.js';
import { colourFor, measuresOf } from '../src/lib/measures/campaign-measures.js';
import { mostLagging } from '../src/lib/measures/lagging.js';
import { legendText } from '../src/lib/measures/legend-text.js';
import { PALETTE } from '../src/lib/measures/palette.js';
import { areaCounts } from './area-counts.js';
import { figureWords } from './figure-words.js';

// The nucleic-acid template's health code: red is an alert, yellow a warning, green good, unknown neutral.
const codes = measuresOf(NUCLEIC_ACID_TEMPLATE, NUCLEIC_ACID_RULES).find((measure) => measure.spec.kind === 'markers')!;

function withMarkers(areaId: string, red: number, yellow: number, members = 10): AreaCountsRow {
  return { areaId, counts: areaCounts({ members: { total: members }, markers: { green: members - red - yellow, yellow, red, unknown: 0 } }) };
}

function area(id: string): AreaProperties {
  return { id, parentId: null, ancestry: [], level: 'microgrid', name: id };
}

describe('a markers measure', () => {
  it.each([
    { red: 1, yellow: 5, colour: PALETTE.red },
    { red: 0, yellow: 2, colour: PALETTE.yellow },
    { red: 0, yellow: 0, colour: PALETTE.green },
  ])('colours an area by the worst tone present: $red alert, $yellow warning → $colour', ({ red, yellow, colour }) => {
    expect(colourFor(withMarkers('a', red, yellow), codes)).toBe(colour);
  });

  it('calls an area without members "no data", not green', () => {
    expect(colourFor(withMarkers('a', 0, 0, 0), codes)).toBeNull();
  });

  it('puts areas with alerts first, then those with the most warnings, and leaves out those with neither', () => {
    const rows = [withMarkers('one-red', 1, 0), withMarkers('many-yellow', 0, 9), withMarkers('clean', 0, 0), withMarkers('two-red', 2, 0)];
    const areas = new Map(rows.map((row) => [row.areaId, area(row.areaId)]));
    const ranked = mostLagging(areas, new Map(rows.map((row) => [row.areaId, row])), codes, 4);
    expect(ranked.map((entry) => entry.area.id)).toEqual(['two-red', 'one-red', 'many-yellow']);
  });

  it("words the figure with the template's option names, worst first, and explains it against the members counted", () => {
    const figure = codes.figure(withMarkers('a', 2, 3, 40))!;
    expect(codes.text(figure, figureWords('zh'))).toBe('红码 2 · 黄码 3');
    expect(codes.explain(figure, figureWords('zh'))).toBe('总人数 40 人中，红码 2 人、黄码 3 人');
    expect(codes.text(figure, figureWords('en'))).toBe('Red code 2 · Yellow code 3');
  });

  it("names its legend's states after the measure and the options that flag someone, best first", () => {
    expect(codes.legend.map((entry) => [entry.colour, legendText(entry, figureWords('zh'))])).toEqual([
      [PALETTE.green, '无红黄码'],
      [PALETTE.yellow, '有黄码'],
      [PALETTE.red, '有红码'],
    ]);
  });
});
