import { describe, expect, it } from 'vitest';
import { freshnessOf } from '../src/lib/live/freshness.js';

const limits = { staleAfterMs: 10_000, deadAfterMs: 60_000 };

describe('freshnessOf', () => {
  it.each([
    { lastUpdate: null, age: 0, expected: 'never' },
    { lastUpdate: 1_000_000, age: 0, expected: 'fresh' },
    { lastUpdate: 1_000_000, age: 9_999, expected: 'fresh' },
    { lastUpdate: 1_000_000, age: 10_000, expected: 'stale' },
    { lastUpdate: 1_000_000, age: 59_999, expected: 'stale' },
    { lastUpdate: 1_000_000, age: 60_000, expected: 'dead' },
  ])('calls data $age ms old "$expected" (last update $lastUpdate)', ({ lastUpdate, age, expected }) => {
    expect(freshnessOf(lastUpdate, (lastUpdate ?? 0) + age, limits)).toBe(expected);
  });
});
