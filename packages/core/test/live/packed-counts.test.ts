import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { packCounts, packedStride, unpackCounts, type AreaCounts } from '../../src/index.js';

const count = fc.nat(1_000_000);

function areaCounts(markerIds: readonly string[], specialGroupIds: readonly string[]): fc.Arbitrary<AreaCounts> {
  const group = fc.record({ total: count, notVisited: count, notDone: count });
  return fc.record({
    households: fc.record({ total: count, toVisit: count, visited: count, noAnswer: count, refused: count, vacant: count }),
    members: fc.record({ total: count, eligible: count, done: count, exempt: count, away: count, reached: count }),
    markers: fc.tuple(...markerIds.map(() => count)).map((values) => Object.fromEntries(markerIds.map((id, i) => [id, values[i]!]))),
    specialGroups: fc.tuple(...specialGroupIds.map(() => group)).map((groups) => Object.fromEntries(specialGroupIds.map((id, i) => [id, groups[i]!]))),
  });
}

/** Areas of one round: distinct ids, every area with the same marker options and special groups. */
const ids = fc.uniqueArray(fc.stringMatching(/^[a-z][a-z0-9.]{0,12}$/), { maxLength: 5 });
const roundAreas = fc
  .tuple(ids, ids)
  .chain(([markerIds, groupIds]) => fc.uniqueArray(fc.tuple(fc.stringMatching(/^[a-z0-9.-]{1,16}$/), areaCounts(markerIds, groupIds)), { selector: ([id]) => id, maxLength: 30 }));

describe('packed counts', () => {
  it('unpack gives back exactly the areas that were packed, in order and with the same key order', () => {
    fc.assert(
      fc.property(roundAreas, (areas) => {
        const unpacked = unpackCounts(packCounts(areas));
        expect(JSON.stringify(unpacked)).toBe(JSON.stringify(areas));
      }),
    );
  });

  it('holds one run of numbers per area, households first, then members, marker options and each special group', () => {
    const counts: AreaCounts = {
      households: { total: 1, toVisit: 2, visited: 3, noAnswer: 4, refused: 5, vacant: 6 },
      members: { total: 7, eligible: 8, done: 9, exempt: 10, away: 11, reached: 12 },
      markers: { green: 13, red: 14 },
      specialGroups: { elderly: { total: 15, notVisited: 16, notDone: 17 }, infants: { total: 18, notVisited: 19, notDone: 20 } },
    };
    const packed = packCounts([['a', counts]]);
    expect(packed).toEqual({ markerIds: ['green', 'red'], specialGroupIds: ['elderly', 'infants'], areaIds: ['a'], values: Array.from({ length: 20 }, (_, i) => i + 1) });
    expect(packedStride(2, 2)).toBe(20);
  });

  it('packs no areas as empty lists', () => {
    expect(packCounts([])).toEqual({ markerIds: [], specialGroupIds: [], areaIds: [], values: [] });
  });
});
