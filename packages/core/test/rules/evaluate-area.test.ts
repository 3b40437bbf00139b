import { describe, expect, it } from 'vitest';
import { ELDERLY_VACCINATION_RULES, ELDERLY_VACCINATION_TEMPLATE, evaluateArea, meetsGoal, NUCLEIC_ACID_RULES, NUCLEIC_ACID_TEMPLATE, type AreaCounts, type CountingRules } from '../../src/index.js';
import { areaCounts } from './counts-fixture.js';

const evaluate = (counts: AreaCounts, rules: CountingRules = NUCLEIC_ACID_RULES) => evaluateArea(counts, NUCLEIC_ACID_TEMPLATE, rules);

describe('evaluateArea coverage', () => {
  it('is visited over households to visit, explained with its parts and rule version', () => {
    const coverage = evaluate(areaCounts({ households: 103, vacant: 3, visited: 80 })).shares['coverage']!;
    expect(coverage.value).toBe(0.8);
    expect(coverage.numerator.value).toBe(80);
    expect(coverage.denominator.value).toBe(100);
    expect(coverage.denominator.parts.map((p) => [p.label.en, p.value, p.sign])).toEqual([
      ['Households', 103, 1],
      ['Vacant households', 3, -1],
    ]);
    expect(coverage.rule).toEqual({ id: 'nucleic-acid-default', version: 1 });
    expect(coverage.text.zh).toBe('覆盖率 80.0% = 已入户 80 / 应入户 100 (应入户 = 总户数 103 − 空置户 3)');
  });

  it('has no value when nothing is to be visited', () => {
    expect(evaluate(areaCounts({ households: 2, vacant: 2 })).shares['coverage']!.value).toBeNull();
  });
});

describe('evaluateArea test rate', () => {
  it('is tested over eligible, eligible being everyone but the exempt and the away, in the template’s words', () => {
    const testRate = evaluate(areaCounts({ members: 100, exempt: 5, away: 15, done: 60 })).shares['testRate']!;
    expect(testRate.value).toBe(0.75);
    expect(testRate.denominator.parts.map((p) => [p.label.zh, p.value, p.sign])).toEqual([
      ['总人数', 100, 1],
      ['免检', 5, -1],
      ['外出', 15, -1],
    ]);
    expect(testRate.text.zh).toBe('检测率 75.0% = 已检测 60 / 应检人数 80 (应检人数 = 总人数 100 − 免检 5 − 外出 15)');
  });
});

describe('evaluateArea for the vaccination census', () => {
  it('explains every share measure of the template in its own words', () => {
    const counts = areaCounts({ members: 40, reached: 30, done: 20, exempt: 4 });
    const { shares, goal } = evaluateArea(counts, ELDERLY_VACCINATION_TEMPLATE, ELDERLY_VACCINATION_RULES);
    expect(Object.keys(shares)).toEqual(['coverage', 'reached', 'fullyVaccinated']);
    expect(shares['reached']!.text.zh).toBe('60岁以上摸排率 75.0% = 已摸排人数 30 / 60岁及以上人数 40');
    expect(shares['fullyVaccinated']!.text.zh).toBe('全程接种率 55.5% = 全程接种 20 / 应接种人数 36 (应接种人数 = 60岁及以上人数 40 − 禁忌症 4 − 外出 0)');
    expect(goal?.name.zh).toBe('摸排完成');
  });
});

describe('evaluateArea colour', () => {
  it.each([
    [{ visited: 49 }, 'red'],
    [{ visited: 50 }, 'orange'],
    [{ visited: 80 }, 'yellow'],
    [{ visited: 95 }, 'green'],
    [{ households: 0 }, 'grey'],
  ] as const)('colours counts %j %s by coverage', (figures, colour) => {
    expect(evaluate(areaCounts(figures)).colour.colour).toBe(colour);
  });

  it('colours by test rate when the rules say so', () => {
    const rules = { ...NUCLEIC_ACID_RULES, colourMeasure: 'testRate' };
    const evaluation = evaluate(areaCounts({ visited: 100, members: 10, done: 1 }), rules);
    expect([evaluation.colour.measure, evaluation.colour.colour]).toEqual(['testRate', 'red']);
  });

  it('names the band it fell in', () => {
    const { colour } = evaluate(areaCounts({ visited: 85 }));
    expect(colour.band).toEqual({ from: 0.8, below: 0.95 });
    expect(colour.text.en).toBe('Coverage 85.0% is in 80.0%–95.0%: yellow');
  });
});

describe('evaluateArea goal (无疫 in the test rules)', () => {
  const done = { visited: 100, members: 100, done: 100 };
  it.each([
    ['every condition is met', done, true, []],
    ['coverage is short', { ...done, visited: 94 }, false, ['coverage']],
    ['the test rate is short', { ...done, done: 90 }, false, ['testRate']],
    ['someone has a red code', { ...done, red: 1 }, false, ['markers.red']],
    ['there is no data', { households: 0, members: 0 }, false, ['coverage', 'testRate']],
  ] as const)('is %s → %s', (_, figures, expected, failing) => {
    const goal = evaluate(areaCounts(figures)).goal!;
    expect(goal.value).toBe(expected);
    expect(goal.checks.filter((c) => !c.passed).map((c) => c.condition)).toEqual(failing);
  });

  it.each([
    ['every condition is met', done],
    ['coverage is short', { ...done, visited: 94 }],
    ['the test rate is short', { ...done, done: 90 }],
    ['someone has a red code', { ...done, red: 1 }],
    ['there is no data', { households: 0, members: 0 }],
  ] as const)('meetsGoal, without an explanation, answers as evaluateArea does when %s', (_, figures) => {
    const counts = areaCounts(figures);
    expect(meetsGoal(counts, NUCLEIC_ACID_TEMPLATE, NUCLEIC_ACID_RULES)).toBe(evaluate(counts).goal!.value);
  });

  it('meetsGoal follows the thresholds of the rules it is given', () => {
    const counts = areaCounts({ ...done, visited: 90 });
    const lenient: CountingRules = { ...NUCLEIC_ACID_RULES, goal: { name: { zh: '无疫', en: 'Epidemic-free' }, conditions: [{ measure: 'coverage', min: 0.9 }] } };
    expect(meetsGoal(counts, NUCLEIC_ACID_TEMPLATE, NUCLEIC_ACID_RULES)).toBe(false);
    expect(meetsGoal(counts, NUCLEIC_ACID_TEMPLATE, lenient)).toBe(true);
  });

  it('has no goal, and meets none, when the rules set none', () => {
    const rules = { ...NUCLEIC_ACID_RULES, goal: null };
    expect(evaluate(areaCounts(done), rules).goal).toBeNull();
    expect(meetsGoal(areaCounts(done), NUCLEIC_ACID_TEMPLATE, rules)).toBe(false);
  });

  it('says which condition failed and by how much', () => {
    expect(evaluate(areaCounts({ ...done, red: 2 })).goal!.text.zh).toBe('未达无疫标准：红码 2 > 0');
  });
});
