import { describe, expect, it } from 'vitest';
import type { AreaCountsRow, AreaProperties } from '../src/lib/api/types.js';
import { figureText, legendText, peopleExplanation, type FigureWords } from '../src/lib/measures/figure-text.js';
import { mostLagging } from '../src/lib/measures/lagging.js';
import { colourFor, legendOf, measureById } from '../src/lib/measures/measures.js';
import { PALETTE } from '../src/lib/measures/palette.js';
import { en } from '../src/lib/i18n/messages.js';
import { areaCounts } from './area-counts.js';

const codes = measureById('codes');
const specialGroups = measureById('specialGroups');

/** English words without Intl's locale, so the expectations read plainly. */
const words: FigureWords = {
  t: (key, values = {}) => en[key].replace(/\{(\w+)\}/g, (_, name: string) => String(values[name])),
  integer: (value) => String(value),
  percent: (fraction) => `${Math.round(fraction * 100)}%`,
};

function withCodes(areaId: string, red: number, yellow: number, members = 10): AreaCountsRow {
  return { areaId, counts: areaCounts({}, { total: members }, { red, yellow }) };
}

function withGroups(areaId: string, groups: Record<string, [total: number, notVisited: number]>): AreaCountsRow {
  const specialGroups = Object.fromEntries(Object.entries(groups).map(([id, [total, notVisited]]) => [id, { total, notVisited, notTested: 0 }]));
  return { areaId, counts: areaCounts({}, {}, {}, specialGroups) };
}

function area(id: string): AreaProperties {
  return { id, parentId: null, ancestry: [], level: 'microgrid', name: id };
}

describe('the red and yellow codes measure', () => {
  it.each([
    { red: 1, yellow: 5, colour: PALETTE.red },
    { red: 0, yellow: 2, colour: PALETTE.yellow },
    { red: 0, yellow: 0, colour: PALETTE.green },
  ])('colours an area with $red red and $yellow yellow codes $colour', ({ red, yellow, colour }) => {
    expect(colourFor(withCodes('a', red, yellow), codes)).toBe(colour);
  });

  it('calls an area without members "no data", not green', () => {
    expect(colourFor(withCodes('a', 0, 0, 0), codes)).toBeNull();
  });

  it('puts areas with red codes first, then those with the most yellow ones, and leaves out those with neither', () => {
    const rows = [withCodes('one-red', 1, 0), withCodes('many-yellow', 0, 9), withCodes('clean', 0, 0), withCodes('two-red', 2, 0)];
    const areas = new Map(rows.map((row) => [row.areaId, area(row.areaId)]));
    const ranked = mostLagging(areas, new Map(rows.map((row) => [row.areaId, row])), codes, 4);
    expect(ranked.map((entry) => entry.area.id)).toEqual(['two-red', 'one-red', 'many-yellow']);
  });

  it('words the figure as both counts, and explains it against the members counted', () => {
    const figure = codes.figure(withCodes('a', 2, 3, 40))!;
    expect(figureText(codes, figure, words)).toBe('red 2 · yellow 3');
    expect(peopleExplanation(codes, figure, words)).toBe('2 red and 3 yellow codes among 40 people');
  });
});

describe('the special groups not reached measure', () => {
  it('adds up the members of every group whose household is not yet visited', () => {
    const figure = specialGroups.figure(withGroups('a', { elderly_alone: [4, 1], disabled: [6, 2] }))!;
    expect(figure.value).toBe(3);
    expect(figure.denominator).toBe(10);
    expect(figureText(specialGroups, figure, words)).toBe('3 of 10');
  });

  it('calls an area without special groups "no data"', () => {
    expect(colourFor(withGroups('a', { elderly_alone: [0, 0] }), specialGroups)).toBeNull();
  });

  it.each([
    { groups: { elderly_alone: [10, 0] as [number, number] }, colour: PALETTE.green },
    { groups: { elderly_alone: [10, 1] as [number, number] }, colour: PALETTE.yellow },
    { groups: { elderly_alone: [10, 10] as [number, number] }, colour: PALETTE.red },
  ])('colours by the share reached, with the rules\u2019 bands: $groups', ({ groups, colour }) => {
    expect(colourFor(withGroups('a', groups), specialGroups)).toBe(colour);
  });

  it('puts the areas with the most people not reached first, and leaves out those where everyone is reached', () => {
    const rows = [withGroups('few', { disabled: [100, 2] }), withGroups('many', { disabled: [10, 7] }), withGroups('none', { disabled: [5, 0] })];
    const areas = new Map(rows.map((row) => [row.areaId, area(row.areaId)]));
    const ranked = mostLagging(areas, new Map(rows.map((row) => [row.areaId, row])), specialGroups, 3);
    expect(ranked.map((entry) => entry.area.id)).toEqual(['many', 'few']);
  });

  it('labels its legend bands as shares reached', () => {
    expect(legendOf(specialGroups).map((entry) => legendText(entry, words))).toEqual([
      'Reached ≥ 95%',
      'Reached 80% – 95%',
      'Reached 50% – 80%',
      'Reached 0% – 50%',
    ]);
  });
});
