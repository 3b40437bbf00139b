import { describe, expect, it } from 'vitest';
import { colourClass, NUCLEIC_ACID_RULES, type CountingRules } from '../../src/index.js';

describe('colourClass with the default rules', () => {
  it.each([
    [null, 'grey'],
    [0, 'red'],
    [0.4999, 'red'],
    [0.5, 'orange'],
    [0.7999, 'orange'],
    [0.8, 'yellow'],
    [0.9499, 'yellow'],
    [0.95, 'green'],
    [1, 'green'],
  ] as const)('colours a ratio of %s %s', (ratio, colour) => {
    expect(colourClass(ratio, NUCLEIC_ACID_RULES)).toBe(colour);
  });
});

describe('colourClass with a city’s own bands', () => {
  const strict: CountingRules = { ...NUCLEIC_ACID_RULES, id: 'strict', colourBands: [{ colour: 'red', from: 0 }, { colour: 'green', from: 0.99 }] };
  it.each([
    [0.98, 'red'],
    [0.99, 'green'],
  ] as const)('colours %s %s', (ratio, colour) => {
    expect(colourClass(ratio, strict)).toBe(colour);
  });
});
