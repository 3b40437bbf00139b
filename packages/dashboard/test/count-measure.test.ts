import { ELDERLY_VACCINATION_RULES, ELDERLY_VACCINATION_TEMPLATE } from '@gridsweep/core';
import { describe, expect, it } from 'vitest';
import type { AreaCountsRow } from '../src/lib/api/types.js';
import { colourFor, measuresOf } from '../src/lib/measures/campaign-measures.js';
import { legendText } from '../src/lib/measures/legend-text.js';
import { PALETTE } from '../src/lib/measures/palette.js';
import { areaCounts } from './area-counts.js';
import { figureWords } from './figure-words.js';

// The census's home vaccination requests: a count of members whose marker is "wants".
const requests = measuresOf(ELDERLY_VACCINATION_TEMPLATE, ELDERLY_VACCINATION_RULES).find((measure) => measure.spec.kind === 'count')!;

function withRequests(wants: number, members = 10): AreaCountsRow {
  return { areaId: 'mg-1', counts: areaCounts({ members: { total: members }, markers: { wants, no: members - wants } }) };
}

describe('a count measure', () => {
  it('colours an area green when there is nothing to act on, orange as soon as there is one', () => {
    expect(colourFor(withRequests(0), requests)).toBe(PALETTE.green);
    expect(colourFor(withRequests(1), requests)).toBe(PALETTE.orange);
    expect(colourFor(withRequests(7), requests)).toBe(PALETTE.orange);
  });

  it('calls an area without anyone to count "no data", not green', () => {
    expect(colourFor(withRequests(0, 0), requests)).toBeNull();
  });

  it('ranks the most first and calls none on target', () => {
    const few = requests.figure(withRequests(1))!;
    const many = requests.figure(withRequests(6))!;
    expect(requests.compareLag(many, few)).toBeLessThan(0);
    expect(requests.onTarget(requests.figure(withRequests(0))!)).toBe(true);
    expect(requests.onTarget(few)).toBe(false);
  });

  it("words the figure as people and explains it in the template's words", () => {
    const figure = requests.figure(withRequests(3, 40))!;
    expect(requests.text(figure, figureWords('zh'))).toBe('3 人');
    expect(requests.explain(figure, figureWords('zh'))).toBe('60岁及以上人数 40 中，希望上门接种 3');
    expect(requests.explain(figure, figureWords('en'))).toBe('Wants home vaccination: 3 of 40 (People aged 60+)');
  });

  it('names its legend after what it counts', () => {
    expect(requests.legend.map((entry) => legendText(entry, figureWords('zh')))).toEqual(['希望上门接种 0', '希望上门接种 ≥ 1']);
  });
});
