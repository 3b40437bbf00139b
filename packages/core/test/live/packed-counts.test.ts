import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { packCounts, packedStride, unpackCounts, type AreaCounts } from '../../src/index.js';

const count = fc.nat(1_000_000);

function areaCounts(specialGroupIds: readonly string[]): fc.Arbitrary<AreaCounts> {
  const group = fc.record({ total: count, notVisited: count, notTested: count });
  return fc.record({
    households: fc.record({ total: count, toVisit: count, visited: count, noAnswer: count, refused: count, vacant: count }),
    members: fc.record({ total: count, eligible: count, tested: count, exempt: count, away: count }),
    codes: fc.record({ green: count, yellow: count, red: count, unknown: count }),
    specialGroups: fc.tuple(...specialGroupIds.map(() => group)).map((groups) => Object.fromEntries(specialGroupIds.map((id, i) => [id, groups[i]!]))),
  });
}

/** Areas of one round: distinct ids, every area with the same special groups. */
const roundAreas = fc
  .uniqueArray(fc.stringMatching(/^[a-z][a-z0-9.]{0,12}$/), { maxLength: 5 })
  .chain((groupIds) => fc.uniqueArray(fc.tuple(fc.stringMatching(/^[a-z0-9.-]{1,16}$/), areaCounts(groupIds)), { selector: ([id]) => id, maxLength: 30 }));

describe('packed counts', () => {
  it('unpack gives back exactly the areas that were packed, in order and with the same key order', () => {
    fc.assert(
      fc.property(roundAreas, (areas) => {
        const unpacked = unpackCounts(packCounts(areas));
        expect(JSON.stringify(unpacked)).toBe(JSON.stringify(areas));
      }),
    );
  });

  it('holds one run of numbers per area, households first, then members, codes and each special group', () => {
    const counts: AreaCounts = {
      households: { total: 1, toVisit: 2, visited: 3, noAnswer: 4, refused: 5, vacant: 6 },
      members: { total: 7, eligible: 8, tested: 9, exempt: 10, away: 11 },
      codes: { green: 12, yellow: 13, red: 14, unknown: 15 },
      specialGroups: { elderly: { total: 16, notVisited: 17, notTested: 18 }, infants: { total: 19, notVisited: 20, notTested: 21 } },
    };
    const packed = packCounts([['a', counts]]);
    expect(packed).toEqual({ specialGroupIds: ['elderly', 'infants'], areaIds: ['a'], values: Array.from({ length: 21 }, (_, i) => i + 1) });
    expect(packedStride(2)).toBe(21);
  });

  it('packs no areas as empty lists', () => {
    expect(packCounts([])).toEqual({ specialGroupIds: [], areaIds: [], values: [] });
  });
});
