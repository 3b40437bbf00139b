import { evaluateArea, NUCLEIC_ACID_RULES, NUCLEIC_ACID_TEMPLATE } from '@gridsweep/core';
import { describe, expect, it } from 'vitest';
import { Locale } from '../src/lib/i18n/locale.svelte.js';
import { areaCounts } from './area-counts.js';

describe('Locale.percent', () => {
  const zh = new Locale(null);

  it('cuts to 0.1 % rather than rounding, so an area short of 95 % never reads 95 %', () => {
    expect(zh.percent(0.94996)).toBe('94.9%');
    expect(zh.percent(0.95)).toBe('95%');
  });

  it("words a figure as the core's explanation beside it does", () => {
    const counts = areaCounts({ members: { total: 1211, eligible: 1211, done: 599 } });
    const testRate = evaluateArea(counts, NUCLEIC_ACID_TEMPLATE, NUCLEIC_ACID_RULES).shares.testRate!;
    expect(testRate.text.zh).toContain('49.4%');
    expect(zh.percent(testRate.value!)).toBe('49.4%');
  });
});
