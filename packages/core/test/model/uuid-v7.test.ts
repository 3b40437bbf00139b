import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isUuidV7, uuidV7 } from '../../src/index.js';

describe('uuidV7', () => {
  it('makes ids that are valid UUID v7 for any time', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 2 ** 47 }), (time) => isUuidV7(uuidV7(time))));
  });

  it('sorts ids made at later milliseconds after earlier ones', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 46 }), fc.integer({ min: 1, max: 2 ** 20 }), (time, gap) => {
        return uuidV7(time) < uuidV7(time + gap);
      }),
    );
  });

  it('is reproducible with a given random source', () => {
    let seed = 1;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    const first = uuidV7(1668384000000, random);
    seed = 1;
    expect(uuidV7(1668384000000, random)).toBe(first);
  });

  it('makes distinct ids within one millisecond', () => {
    const ids = new Set(Array.from({ length: 1000 }, () => uuidV7(1668384000000)));
    expect(ids.size).toBe(1000);
  });
});
