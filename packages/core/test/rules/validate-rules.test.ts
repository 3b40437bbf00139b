import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES, validateRules } from '../../src/index.js';

describe('validateRules', () => {
  it('accepts the default rules', () => {
    expect(validateRules(DEFAULT_RULES)).toEqual({ ok: true, value: DEFAULT_RULES });
  });

  it.each([
    [{ colourBands: [{ colour: 'red', from: 0.1 }] }, 'colourBands.0.from'],
    [{ colourBands: [{ colour: 'red', from: 0 }, { colour: 'green', from: 0 }] }, 'colourBands.1.from'],
    [{ colourBands: [{ colour: 'purple', from: 0 }] }, 'colourBands.0.colour'],
    [{ colourBands: [] }, 'colourBands'],
    [{ epidemicFree: { minCoverage: 1.5, minTestRate: 1, maxRedCodes: 0 } }, 'epidemicFree.minCoverage'],
    [{ epidemicFree: { minCoverage: 1, minTestRate: 1, maxRedCodes: -1 } }, 'epidemicFree.maxRedCodes'],
    [{ version: 0 }, 'version'],
    [{ colourMeasure: 'speed' }, 'colourMeasure'],
    [{ projectionWindowMs: 10 }, 'projectionWindowMs'],
    [{ extra: true }, 'extra'],
  ])('refuses %j, naming %s', (change, field) => {
    const result = validateRules({ ...DEFAULT_RULES, ...change });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues.map((i) => i.field)).toContain(field);
  });
});
