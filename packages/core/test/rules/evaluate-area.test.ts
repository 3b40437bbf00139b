import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES, evaluateArea, isEpidemicFree } from '../../src/index.js';
import { areaCounts } from './counts-fixture.js';

describe('evaluateArea coverage', () => {
  it('is visited over households to visit, explained with its parts and rule version', () => {
    const { coverage } = evaluateArea(areaCounts({ households: 103, vacant: 3, visited: 80 }));
    expect(coverage.value).toBe(0.8);
    expect(coverage.numerator.value).toBe(80);
    expect(coverage.denominator.value).toBe(100);
    expect(coverage.denominator.parts.map((p) => [p.label.en, p.value, p.sign])).toEqual([
      ['Households', 103, 1],
      ['Vacant households', 3, -1],
    ]);
    expect(coverage.rule).toEqual({ id: 'default', version: 1 });
    expect(coverage.text.zh).toBe('覆盖率 80.0% = 已入户 80 / 应入户 100 (应入户 = 总户数 103 − 空置户 3)');
  });

  it('has no value when nothing is to be visited', () => {
    expect(evaluateArea(areaCounts({ households: 2, vacant: 2 })).coverage.value).toBeNull();
  });
});

describe('evaluateArea test rate', () => {
  it('is tested over eligible, eligible being everyone but the exempt and the away', () => {
    const { testRate } = evaluateArea(areaCounts({ members: 100, exempt: 5, away: 15, tested: 60 }));
    expect(testRate.value).toBe(0.75);
    expect(testRate.denominator.parts.map((p) => [p.label.en, p.value, p.sign])).toEqual([
      ['People', 100, 1],
      ['Exempt', 5, -1],
      ['Away', 15, -1],
    ]);
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
    expect(evaluateArea(areaCounts(figures)).colour.colour).toBe(colour);
  });

  it('colours by test rate when the rules say so', () => {
    const rules = { ...DEFAULT_RULES, colourMeasure: 'testRate' as const };
    const evaluation = evaluateArea(areaCounts({ visited: 100, members: 10, tested: 1 }), rules);
    expect([evaluation.colour.measure, evaluation.colour.colour]).toEqual(['testRate', 'red']);
  });

  it('names the band it fell in', () => {
    const { colour } = evaluateArea(areaCounts({ visited: 85 }));
    expect(colour.band).toEqual({ from: 0.8, below: 0.95 });
    expect(colour.text.en).toBe('Coverage 85.0% is in 80.0%–95.0%: yellow');
  });
});

describe('evaluateArea epidemic-free (无疫)', () => {
  const done = { visited: 100, members: 100, tested: 100 };
  it.each([
    ['every condition is met', done, true, []],
    ['coverage is short', { ...done, visited: 94 }, false, ['coverage']],
    ['the test rate is short', { ...done, tested: 90 }, false, ['testRate']],
    ['someone has a red code', { ...done, red: 1 }, false, ['redCodes']],
    ['there is no data', { households: 0, members: 0 }, false, ['coverage', 'testRate']],
  ] as const)('is %s → %s', (_, figures, expected, failing) => {
    const { epidemicFree } = evaluateArea(areaCounts(figures));
    expect(epidemicFree.value).toBe(expected);
    expect(epidemicFree.checks.filter((c) => !c.passed).map((c) => c.condition)).toEqual(failing);
  });

  it.each([
    ['every condition is met', done],
    ['coverage is short', { ...done, visited: 94 }],
    ['the test rate is short', { ...done, tested: 90 }],
    ['someone has a red code', { ...done, red: 1 }],
    ['there is no data', { households: 0, members: 0 }],
  ] as const)('isEpidemicFree, without an explanation, answers as evaluateArea does when %s', (_, figures) => {
    const counts = areaCounts(figures);
    expect(isEpidemicFree(counts, DEFAULT_RULES)).toBe(evaluateArea(counts).epidemicFree.value);
  });

  it('isEpidemicFree follows the thresholds of the rules it is given', () => {
    const counts = areaCounts({ ...done, visited: 90 });
    const lenient = { ...DEFAULT_RULES, epidemicFree: { ...DEFAULT_RULES.epidemicFree, minCoverage: 0.9 } };
    expect(isEpidemicFree(counts, DEFAULT_RULES)).toBe(false);
    expect(isEpidemicFree(counts, lenient)).toBe(true);
  });

  it('says which condition failed and by how much', () => {
    expect(evaluateArea(areaCounts({ ...done, red: 2 })).epidemicFree.text.zh).toBe('未达无疫标准：红码人数 2 > 0');
  });
});
