import { ELDERLY_VACCINATION_RULES, ELDERLY_VACCINATION_TEMPLATE, NUCLEIC_ACID_RULES, NUCLEIC_ACID_TEMPLATE } from '@gridsweep/core';
import { describe, expect, it } from 'vitest';
import type { AreaCountsRow, AreaProperties } from '../src/lib/api/types.js';
import { colourFor, measuresOf } from '../src/lib/measures/campaign-measures.js';
import { mostLagging } from '../src/lib/measures/lagging.js';
import { legendText } from '../src/lib/measures/legend-text.js';
import { PALETTE } from '../src/lib/measures/palette.js';
import { areaCounts } from './area-counts.js';
import { figureWords } from './figure-words.js';

const specialGroups = measuresOf(NUCLEIC_ACID_TEMPLATE, NUCLEIC_ACID_RULES).find((measure) => measure.spec.kind === 'specialGroups')!;
const words = figureWords('en');

function withGroups(areaId: string, groups: Record<string, [total: number, notVisited: number]>): AreaCountsRow {
  const counts = Object.fromEntries(Object.entries(groups).map(([id, [total, notVisited]]) => [id, { total, notVisited, notDone: 0 }]));
  return { areaId, counts: areaCounts({ specialGroups: counts }) };
}

function area(id: string): AreaProperties {
  return { id, parentId: null, ancestry: [], level: 'microgrid', name: id };
}

describe('a special groups measure', () => {
  it('adds up the members of every group whose household is not yet visited', () => {
    const figure = specialGroups.figure(withGroups('a', { elderly_alone: [4, 1], disabled: [6, 2] }))!;
    expect(figure.value).toBe(3);
    expect(figure.denominator).toBe(10);
    expect(specialGroups.text(figure, words)).toBe('3 of 10');
  });

  it('counts the groups of whichever template the round has', () => {
    const census = measuresOf(ELDERLY_VACCINATION_TEMPLATE, ELDERLY_VACCINATION_RULES).find((measure) => measure.spec.kind === 'specialGroups')!;
    expect(census.figure(withGroups('a', { bedridden: [2, 2], chronic: [3, 0] }))?.value).toBe(2);
  });

  it('calls an area without special groups "no data"', () => {
    expect(colourFor(withGroups('a', { elderly_alone: [0, 0] }), specialGroups)).toBeNull();
  });

  it.each([
    { groups: { elderly_alone: [10, 0] as [number, number] }, colour: PALETTE.green },
    { groups: { elderly_alone: [10, 1] as [number, number] }, colour: PALETTE.yellow },
    { groups: { elderly_alone: [10, 10] as [number, number] }, colour: PALETTE.red },
  ])("colours by the share reached, with the rules' bands: $groups", ({ groups, colour }) => {
    expect(colourFor(withGroups('a', groups), specialGroups)).toBe(colour);
  });

  it('puts the areas with the most people not reached first, and leaves out those where everyone is reached', () => {
    const rows = [withGroups('few', { disabled: [100, 2] }), withGroups('many', { disabled: [10, 7] }), withGroups('none', { disabled: [5, 0] })];
    const areas = new Map(rows.map((row) => [row.areaId, area(row.areaId)]));
    const ranked = mostLagging(areas, new Map(rows.map((row) => [row.areaId, row])), specialGroups, 3);
    expect(ranked.map((entry) => entry.area.id)).toEqual(['many', 'few']);
  });

  it('labels its legend bands as shares reached', () => {
    expect(specialGroups.legend.map((entry) => legendText(entry, words))).toEqual(['Reached ≥ 95%', 'Reached 80% – 95%', 'Reached 50% – 80%', 'Reached 0% – 50%']);
  });
});
