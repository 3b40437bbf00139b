import { describe, expect, it } from 'vitest';
import { ELDERLY_VACCINATION_RULES, ELDERLY_VACCINATION_TEMPLATE, NUCLEIC_ACID_RULES, NUCLEIC_ACID_TEMPLATE, validateRules } from '../../src/index.js';

describe('validateRules', () => {
  it('accepts the built-in rules of each template', () => {
    expect(validateRules(NUCLEIC_ACID_RULES, NUCLEIC_ACID_TEMPLATE)).toEqual({ ok: true, value: NUCLEIC_ACID_RULES });
    expect(validateRules(ELDERLY_VACCINATION_RULES, ELDERLY_VACCINATION_TEMPLATE)).toEqual({ ok: true, value: ELDERLY_VACCINATION_RULES });
  });

  it('accepts rules without a goal', () => {
    const rules = { ...NUCLEIC_ACID_RULES, goal: null };
    expect(validateRules(rules, NUCLEIC_ACID_TEMPLATE)).toEqual({ ok: true, value: rules });
  });

  it.each([
    [{ colourBands: [{ colour: 'red', from: 0.1 }] }, 'colourBands.0.from'],
    [{ colourBands: [{ colour: 'red', from: 0 }, { colour: 'green', from: 0 }] }, 'colourBands.1.from'],
    [{ colourBands: [{ colour: 'purple', from: 0 }] }, 'colourBands.0.colour'],
    [{ colourBands: [] }, 'colourBands'],
    [{ goal: { name: { zh: '无疫', en: 'Free' }, conditions: [{ measure: 'coverage', min: 1.5 }] } }, 'goal.conditions.0.min'],
    [{ goal: { name: { zh: '无疫', en: 'Free' }, conditions: [{ measure: 'speed', min: 0.5 }] } }, 'goal.conditions.0.measure'],
    [{ goal: { name: { zh: '无疫', en: 'Free' }, conditions: [{ count: 'markers.purple', max: 0 }] } }, 'goal.conditions.0.count'],
    [{ goal: { name: { zh: '无疫', en: 'Free' }, conditions: [{ count: 'markers.red', max: -1 }] } }, 'goal.conditions.0.max'],
    [{ goal: { name: { zh: '无疫', en: 'Free' }, conditions: [] } }, 'goal.conditions'],
    [{ version: 0 }, 'version'],
    [{ colourMeasure: 'speed' }, 'colourMeasure'],
    [{ colourMeasure: 'codes' }, 'colourMeasure'],
    [{ templateId: 'elderly-vaccination' }, 'templateId'],
    [{ projectionWindowMs: 10 }, 'projectionWindowMs'],
    [{ name: { zh: 'a\u0000b', en: 'x' } }, 'name.zh'],
    [{ extra: true }, 'extra'],
  ])('refuses %j, naming %s', (change, field) => {
    const result = validateRules({ ...NUCLEIC_ACID_RULES, ...change }, NUCLEIC_ACID_TEMPLATE);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues.map((i) => i.field)).toContain(field);
  });
});
