import { describe, expect, it } from 'vitest';
import { CountingEngine, type BulkTerritory, type SweepEvent } from '../../src/index.js';
import { ROUND, T0 } from './engine-fixtures.js';

const AREAS = [
  { id: 'fz', parentId: null, level: 'city' },
  { id: 'gl', parentId: 'fz', level: 'district' },
  { id: 'dj', parentId: 'gl', level: 'street' },
  { id: 'sf', parentId: 'dj', level: 'community' },
  { id: 'g3', parentId: 'sf', level: 'grid' },
  { id: 'mg1', parentId: 'g3', level: 'microgrid' },
  { id: 'mg2', parentId: 'g3', level: 'microgrid' },
];
// 11 households (two blocks of eight), members 0-3 each, some tagged, one vacant.
const MEMBER_COUNTS = [2, 0, 3, 1, 1, 2, 0, 1, 3, 1, 2];
const BUILDING_OF = [0, 0, 0, 1, 1, 1, 2, 2, 2, 2, 2];
const BUILDING_AREAS = [5, 5, 6];

function bulk(): BulkTerritory {
  const memberIds: string[] = [];
  const memberTags: number[] = [];
  MEMBER_COUNTS.forEach((count, h) => {
    for (let k = 0; k < count; k++) {
      memberIds.push(`m${h}-${k}`);
      memberTags.push((h + k) % 4 === 0 ? 1 << ((h + k) % 7) : 0);
    }
  });
  return {
    areas: AREAS,
    buildingAreas: Int32Array.from(BUILDING_AREAS),
    buildingIds: ['b0', 'b1', 'b2'],
    householdBuildings: Int32Array.from(BUILDING_OF),
    householdMemberCounts: Uint8Array.from(MEMBER_COUNTS),
    householdVacant: Uint8Array.from(MEMBER_COUNTS.map((_, h) => (h === 6 ? 1 : 0))),
    householdIds: MEMBER_COUNTS.map((_, h) => `h${h}`),
    memberTags: Uint32Array.from(memberTags),
    memberIds,
  };
}

function oneByOne(): CountingEngine {
  const engine = new CountingEngine();
  const tagIds = engine.specialGroupIds;
  AREAS.forEach((area) => engine.addArea({ ...area, name: area.id }));
  BUILDING_AREAS.forEach((area, b) => engine.addBuilding({ id: `b${b}`, areaId: AREAS[area]!.id, name: `b${b}`, units: 1, floors: 1 }));
  MEMBER_COUNTS.forEach((count, h) => {
    engine.addHousehold({ id: `h${h}`, buildingId: `b${BUILDING_OF[h]}`, unit: 1, floor: 1, room: `${h}`, vacant: h === 6 });
    for (let k = 0; k < count; k++) {
      const tags = (h + k) % 4 === 0 ? [tagIds[(h + k) % 7]!] : [];
      engine.addMember({ id: `m${h}-${k}`, householdId: `h${h}`, name: 'x', tags });
    }
  });
  return engine;
}

function events(): SweepEvent[] {
  const list: SweepEvent[] = [];
  MEMBER_COUNTS.forEach((count, h) => {
    const base = { roundId: ROUND.id, workerId: 'w', householdId: `h${h}` };
    list.push({ ...base, id: `0190a000-0000-7000-8000-0000000000${String(h).padStart(2, '0')}`, deviceTime: T0 + h * 1000, values: { outcome: h % 3 === 0 ? 'no_answer' : 'visited' } });
    for (let k = 0; k < count; k++) {
      list.push({ ...base, id: `0190a000-0000-7000-8000-00000000${h}${k}00`.slice(0, 36), deviceTime: T0 + h * 1000 + k, memberId: `m${h}-${k}`, values: { test: k % 2 === 0 ? 'tested' : 'away', code: 'green' } });
    }
  });
  return list;
}

describe('CountingEngine.loadBulk', () => {
  it('counts a bulk-loaded roster exactly as the same roster added one record at a time', () => {
    const loaded = new CountingEngine();
    loaded.loadBulk(bulk());
    loaded.openRound(ROUND);
    const built = oneByOne();
    built.openRound(ROUND);
    for (const event of events()) expect([loaded.apply(event), built.apply(event)]).toEqual([{ ok: true, changed: true }, { ok: true, changed: true }]);
    for (const area of AREAS) expect(loaded.counts(ROUND.id, area.id)).toEqual(built.counts(ROUND.id, area.id));
    expect(loaded.counts(ROUND.id, 'fz').members.total).toBe(16);
    expect(loaded.recount(ROUND.id).areasChanged).toBe(0);
    expect(loaded.size).toEqual({ areas: 7, buildings: 3, households: 11, members: 16 });
  });

  it('counts a round opened before the load from the loaded roster', () => {
    const engine = new CountingEngine();
    engine.openRound(ROUND);
    engine.loadBulk(bulk());
    expect(engine.counts(ROUND.id, 'fz').households).toMatchObject({ total: 11, vacant: 1 });
  });

  it('refuses a bulk load with a building outside the micro-grid level', () => {
    const engine = new CountingEngine();
    expect(() => engine.loadBulk({ ...bulk(), buildingAreas: Int32Array.from([4, 5, 6]) })).toThrow(/area of building #0/);
  });

  it('keeps engine state in typed arrays whose size it reports', () => {
    const engine = new CountingEngine();
    engine.loadBulk(bulk());
    engine.openRound(ROUND);
    const memory = engine.memory();
    expect(memory.typedArrayBytes).toBe(memory.territoryBytes + memory.roundBytes);
    expect(memory.taggedMembers).toBe(bulk().memberTags!.filter((mask) => mask !== 0).length);
  });
});

describe('CountingEngine device times', () => {
  it('orders events from before the round and long after it deterministically, clamped to the ends of the tick range', () => {
    const orders = [
      [T0 - 30 * 86_400_000, T0 - 20 * 86_400_000],
      [T0 - 20 * 86_400_000, T0 - 30 * 86_400_000],
    ].map(([first, second]) => {
      const engine = oneByOne();
      engine.openRound(ROUND);
      engine.apply({ id: '0190a000-0000-7000-8000-000000000001', deviceTime: first!, roundId: ROUND.id, workerId: 'w', householdId: 'h0', values: { outcome: 'visited' } });
      engine.apply({ id: '0190a000-0000-7000-8000-000000000002', deviceTime: second!, roundId: ROUND.id, workerId: 'w', householdId: 'h0', values: { outcome: 'refused' } });
      return engine.householdValues(ROUND.id, 'h0');
    });
    expect(orders[0]).toEqual(orders[1]);
  });
});
