import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CountingEngine, latestValues, NUCLEIC_ACID_TEMPLATE, uuidV7, type SweepEvent } from '../../src/index.js';
import { ROUND } from './engine-fixtures.js';

const T0 = ROUND.startsAt + 9 * 3600_000;
const HOUSEHOLDS = 6;
const event = fc.record({
  household: fc.nat({ max: HOUSEHOLDS - 1 }),
  member: fc.option(fc.nat({ max: 1 }), { nil: undefined }),
  outcome: fc.constantFrom('visited', 'no_answer', 'vacant', 'refused', 'moved'),
  test: fc.constantFrom('tested', 'not_tested', 'exempt', 'away'),
  code: fc.option(fc.constantFrom('green', 'yellow', 'red', 'unknown'), { nil: undefined }),
  note: fc.option(fc.constantFrom('敲门无人', '改天再来', 'ok'), { nil: undefined }),
  // Corrections 0-2000 ms apart in 37 ms steps: many pairs fall in one 128 ms tick.
  offset: fc.integer({ min: 0, max: 54 }).map((n) => n * 37),
});

/** Three buildings over two micro-grids, two households a building, two members a household. */
function engineWithBuildings(): CountingEngine {
  const engine = new CountingEngine();
  const areas = [['fz', null, 'city'], ['d', 'fz', 'district'], ['s', 'd', 'street'], ['c', 's', 'community'], ['g', 'c', 'grid'], ['mg1', 'g', 'microgrid'], ['mg2', 'g', 'microgrid']] as const;
  for (const [id, parentId, level] of areas) engine.addArea({ id, parentId, level, name: id });
  ['mg1', 'mg1', 'mg2'].forEach((areaId, b) => engine.addBuilding({ id: `b${b}`, areaId, name: `${b + 1}号楼`, units: 1, floors: 6 }));
  for (let h = 0; h < HOUSEHOLDS; h++) {
    engine.addHousehold({ id: `h${h}`, buildingId: `b${h >> 1}`, unit: 1, floor: 1 + (h & 1), room: `${h}01`, vacant: h === 5 });
    for (let m = 0; m < 2; m++) engine.addMember({ id: `h${h}m${m}`, householdId: `h${h}`, name: '某', tags: m === 0 ? ['elderly_alone'] : [] });
  }
  engine.openRound(ROUND);
  return engine;
}

describe('one order of truth', () => {
  it('gives the door list, the building counts and the area counts one answer for a stream of near-simultaneous corrections', () => {
    fc.assert(
      fc.property(fc.array(event, { minLength: 1, maxLength: 60 }), fc.integer({ min: 1, max: 10_000 }), (ops, seed) => {
        const engine = engineWithBuildings();
        let state = seed;
        const events: SweepEvent[] = ops.map((op) => {
          const deviceTime = T0 + op.offset;
          const base = { id: uuidV7(deviceTime, () => ((state = (state * 48271) % 2147483647) / 2147483647)), deviceTime, roundId: ROUND.id, workerId: 'w', householdId: `h${op.household}` };
          return op.member === undefined
            ? { ...base, values: { outcome: op.outcome, ...(op.note ? { note: op.note } : {}) } }
            : { ...base, memberId: `h${op.household}m${op.member}`, values: { test: op.test, ...(op.code ? { code: op.code } : {}), ...(op.test === 'exempt' ? { exempt_reason: '卧床' } : {}) } };
        });
        for (const e of events) expect(engine.apply(e).ok).toBe(true);
        const outcomes: Record<string, string | undefined> = {};
        for (let h = 0; h < HOUSEHOLDS; h++) {
          const door = latestValues(events.filter((e) => e.householdId === `h${h}`), ROUND, NUCLEIC_ACID_TEMPLATE);
          const counted = (values: Readonly<Record<string, string>>) => Object.fromEntries(Object.entries(values).filter(([field]) => ['outcome', 'test', 'code'].includes(field)));
          expect(counted(door.household)).toEqual(engine.householdValues(ROUND.id, `h${h}`));
          for (let m = 0; m < 2; m++) expect(counted(door.members.get(`h${h}m${m}`) ?? {})).toEqual(engine.memberValues(ROUND.id, `h${h}m${m}`));
          outcomes[`h${h}`] = door.household['outcome'];
        }
        for (const mg of ['mg1', 'mg2']) {
          const buildings = mg === 'mg1' ? ['b0', 'b1'] : ['b2'];
          const summed = buildings.map((b) => engine.buildingCounts(ROUND.id, b)).reduce((a, b) => ({
            total: a.total + b.total, toVisit: a.toVisit + b.toVisit, visited: a.visited + b.visited, noAnswer: a.noAnswer + b.noAnswer, refused: a.refused + b.refused, vacant: a.vacant + b.vacant,
          }));
          expect(summed).toEqual(engine.counts(ROUND.id, mg).households);
        }
        const visitedByDoorList = Object.entries(outcomes).filter(([id, outcome]) => outcome === 'visited' && id !== 'h5').length;
        expect(engine.counts(ROUND.id, 'fz').households.visited).toBe(visitedByDoorList);
      }),
      { numRuns: 200 },
    );
  }, 60_000);
});
