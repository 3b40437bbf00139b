import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IdIndex } from '../../src/engine/id-index.js';

describe('IdIndex', () => {
  it('answers every lookup as a Map of the same ids would, and gives each id back by its entry', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string({ minLength: 1, maxLength: 24, unit: 'grapheme' }), { maxLength: 400 }), fc.array(fc.string({ maxLength: 24 }), { maxLength: 50 }), (ids, probes) => {
        const index = new IdIndex();
        const map = new Map<string, number>();
        ids.forEach((id, i) => {
          expect(index.add(id, i * 7)).toBe(i);
          map.set(id, i * 7);
        });
        for (const id of [...ids, ...probes]) expect(index.get(id)).toBe(map.get(id));
        ids.forEach((id, i) => expect(index.idAt(i)).toBe(id));
      }),
    );
  });

  it('numbers a dense index by the order ids were added, through reserve and growth', () => {
    const index = new IdIndex(true);
    index.reserve(10, 4);
    for (let i = 0; i < 5000; i++) index.add(`h-${i}`);
    expect([index.get('h-0'), index.get('h-4999'), index.get('h-5000'), index.size]).toEqual([0, 4999, undefined, 5000]);
  });

  it('refuses an id it already holds', () => {
    const index = new IdIndex();
    index.add('m1', 1);
    expect(() => index.add('m1', 2)).toThrow(/an unused id/);
  });
});
