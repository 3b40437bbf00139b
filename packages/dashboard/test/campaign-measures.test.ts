import { ELDERLY_VACCINATION_RULES, ELDERLY_VACCINATION_TEMPLATE, NUCLEIC_ACID_RULES, NUCLEIC_ACID_TEMPLATE, type CountingRules } from '@gridsweep/core';
import { describe, expect, it } from 'vitest';
import { isHouseholdCoverage, measuresOf, pickMeasure } from '../src/lib/measures/campaign-measures.js';
import { legendText } from '../src/lib/measures/legend-text.js';
import { areaCounts } from './area-counts.js';
import { figureWords } from './figure-words.js';

const zh = figureWords('zh');

describe('the measures of a round', () => {
  it("are the nucleic-acid template's, in its order and words", () => {
    const measures = measuresOf(NUCLEIC_ACID_TEMPLATE, NUCLEIC_ACID_RULES);
    expect(measures.map((measure) => [measure.id, measure.spec.kind, zh.text(measure.name)])).toEqual([
      ['coverage', 'share', '覆盖率'],
      ['testRate', 'share', '检测率'],
      ['codes', 'markers', '红黄码'],
      ['specialGroups', 'specialGroups', '特殊人群未入户'],
    ]);
  });

  it("are the elderly vaccination census's own for one of its rounds", () => {
    const measures = measuresOf(ELDERLY_VACCINATION_TEMPLATE, ELDERLY_VACCINATION_RULES);
    expect(measures.map((measure) => [measure.id, measure.spec.kind, zh.text(measure.name)])).toEqual([
      ['coverage', 'share', '入户率'],
      ['reached', 'share', '60岁以上摸排率'],
      ['fullyVaccinated', 'share', '全程接种率'],
      ['homeRequests', 'count', '上门接种需求'],
      ['specialGroups', 'specialGroups', '特殊人群未入户'],
    ]);
  });

  it("never word a census round in the nucleic-acid template's terms, in either language", () => {
    const measures = measuresOf(ELDERLY_VACCINATION_TEMPLATE, ELDERLY_VACCINATION_RULES);
    const counts = areaCounts({
      households: { total: 10, toVisit: 10, visited: 4 },
      members: { total: 12, eligible: 11, done: 5, reached: 6 },
      markers: { wants: 2, no: 4 },
      specialGroups: { elderly_alone: { total: 3, notVisited: 1, notDone: 1 } },
    });
    for (const words of [figureWords('zh'), figureWords('en')]) {
      const texts = measures.flatMap((measure) => {
        const figure = measure.figure({ areaId: 'mg-1', counts })!;
        return [words.text(measure.name), measure.text(figure, words), measure.explain(figure, words) ?? '', ...measure.legend.map((entry) => legendText(entry, words))];
      });
      expect(texts.join(' | ')).not.toMatch(/核酸|检测|码|test|code/i);
    }
  });

  it('opens on the measure the rules colour the map by, and keeps a chosen one while the round has it', () => {
    const measures = measuresOf(ELDERLY_VACCINATION_TEMPLATE, ELDERLY_VACCINATION_RULES);
    const rules: CountingRules = { ...ELDERLY_VACCINATION_RULES, colourMeasure: 'fullyVaccinated' };
    expect(pickMeasure(measures, null, rules)?.id).toBe('fullyVaccinated');
    expect(pickMeasure(measures, 'homeRequests', rules)?.id).toBe('homeRequests');
    // A measure of another template's round (the test rate) is not this round's: back to the rules' own.
    expect(pickMeasure(measures, 'testRate', rules)?.id).toBe('fullyVaccinated');
  });

  it("knows the households' coverage, all a building's circle can show, by what it divides rather than by its id", () => {
    const [coverage, testRate] = measuresOf(NUCLEIC_ACID_TEMPLATE, NUCLEIC_ACID_RULES);
    const [censusCoverage, reached] = measuresOf(ELDERLY_VACCINATION_TEMPLATE, ELDERLY_VACCINATION_RULES);
    expect([coverage, testRate, censusCoverage, reached].map((measure) => isHouseholdCoverage(measure ?? null))).toEqual([true, false, true, false]);
  });
});
