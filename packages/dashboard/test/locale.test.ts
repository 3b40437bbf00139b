import { DEFAULT_RULES, evaluateArea } from '@gridsweep/core';
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
    const counts = areaCounts({}, { total: 1211, eligible: 1211, tested: 599 });
    const { testRate } = evaluateArea(counts, DEFAULT_RULES);
    expect(testRate.text.zh).toContain('49.4%');
    expect(zh.percent(testRate.value!)).toBe('49.4%');
  });
});
