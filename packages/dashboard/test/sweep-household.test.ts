import { ELDERLY_VACCINATION_TEMPLATE, isUuidV7, NUCLEIC_ACID_TEMPLATE } from '@gridsweep/core';
import { describe, expect, it } from 'vitest';
import { floorGrid } from '../src/lib/sweep/floor-grid.js';
import { draftOf, eventsOf, missingFields, recorded, withLocalRecords, withQuickFill } from '../src/lib/sweep/household-draft.js';
import { countDoorList, householdState } from '../src/lib/sweep/household-state.js';
import type { DoorListHousehold } from '../src/lib/sweep/sweep-api.js';

const member = (id: string, values: Record<string, string> = {}) => ({ id, name: '王*国', phone: null, birthYear: 1948, tags: [], values });
const household = (id: string, unit: number, floor: number, room: string, values: Record<string, string> = {}, vacant = false): DoorListHousehold => ({
  id,
  unit,
  floor,
  room,
  vacant,
  values,
  lastRecordedAt: null,
  lastRecordedBy: null,
  members: [member(`${id}-a`), member(`${id}-b`)],
});
const context = { roundId: 'r1', workerId: 'w1', now: Date.UTC(2022, 10, 14, 9) };
const template = NUCLEIC_ACID_TEMPLATE;

describe("the household sheet's events", () => {
  it('makes one household event and one per member from the one-tap fill, each with an id made here', () => {
    const h = household('h1', 1, 1, '101');
    const events = eventsOf(withQuickFill(draftOf(h), template.quickFills[0]!), h, template, context);
    expect(events.map((e) => [e.memberId ?? null, e.values])).toEqual([
      [null, { outcome: 'visited' }],
      ['h1-a', { test: 'tested', code: 'green' }],
      ['h1-b', { test: 'tested', code: 'green' }],
    ]);
    expect(events.every((e) => isUuidV7(e.id) && e.workerId === 'w1' && e.householdId === 'h1')).toBe(true);
    expect(new Set(events.map((e) => e.id)).size).toBe(3);
  });

  it('records no member of a household whose door did not open, and leaves a blank note out', () => {
    const h = household('h1', 1, 1, '101');
    const draft = withQuickFill(draftOf(h), template.quickFills[0]!);
    draft.household = { outcome: 'no_answer', note: '  ' };
    expect(eventsOf(draft, h, template, context).map((e) => e.values)).toEqual([{ outcome: 'no_answer' }]);
  });

  it('sends again only the members the worker changed', () => {
    const h = { ...household('h1', 1, 1, '101', { outcome: 'visited' }), members: [member('a', { test: 'tested', code: 'green' }), member('b', { test: 'tested', code: 'green' })] };
    const draft = draftOf(h);
    draft.members.b = { test: 'exempt', code: 'green', exempt_reason: '卧床' };
    expect(eventsOf(draft, h, template, context).map((e) => e.memberId ?? null)).toEqual([null, 'b']);
  });

  it('asks for the outcome first, then for a detail an option requires', () => {
    const h = household('h1', 1, 1, '101');
    expect(missingFields(draftOf(h), template).map((name) => name.zh)).toEqual(['入户结果']);
    const draft = withQuickFill(draftOf(h), template.quickFills[0]!);
    draft.members['h1-a'] = { test: 'exempt' };
    expect(missingFields(draft, template).map((name) => name.zh)).toEqual(['免检原因']);
  });

  it('shows what was recorded before the server has it: latest value per field, the latest device time', () => {
    const h = household('h1', 1, 1, '101');
    const events = eventsOf(withQuickFill(draftOf(h), template.quickFills[0]!), h, template, context);
    const after = recorded(h, events);
    expect(after.values).toEqual({ outcome: 'visited' });
    expect(after.members[0]!.values).toEqual({ test: 'tested', code: 'green' });
    expect(after.lastRecordedAt).toBe(context.now);
  });
});

describe("what this phone recorded, laid over a door list", () => {
  it("shows the phone's record where the server has nothing newer, and another worker's later visit where it has", () => {
    const mine: { values: Record<string, string>; members: Record<string, Record<string, string>>; at: number } = { values: { outcome: 'visited' }, members: { 'a-a': { test: 'tested' } }, at: 2_000 };
    const doors = [household('a', 1, 1, '101'), { ...household('b', 1, 1, '102', { outcome: 'refused' }), lastRecordedAt: 3_000 }];
    const shown = withLocalRecords(doors, new Map([['a', mine], ['b', { ...mine, members: {} }]]));
    expect(shown.map((h) => [h.values.outcome, h.lastRecordedAt])).toEqual([['visited', 2_000], ['refused', 3_000]]);
    expect(shown[0]!.members[0]!.values).toEqual({ test: 'tested' });
  });
});

describe("a household's state and a building's counts from its door list", () => {
  it('reads each outcome as the engine counts it, a moved household as vacant, and the roster vacancy when nothing is recorded', () => {
    const doors = [
      household('a', 1, 1, '101'),
      household('b', 1, 1, '102', { outcome: 'visited' }),
      household('c', 1, 2, '201', { outcome: 'no_answer' }),
      household('d', 1, 2, '202', { outcome: 'refused' }),
      household('e', 1, 3, '301', { outcome: 'moved' }),
      household('f', 1, 3, '302', {}, true),
    ];
    expect(doors.map((d) => householdState(d, template))).toEqual(['toVisit', 'visited', 'noAnswer', 'refused', 'vacant', 'vacant']);
    expect(countDoorList(doors, template)).toEqual({ total: 6, toVisit: 4, visited: 1, noAnswer: 1, refused: 1, vacant: 2 });
  });

  it("follows another template's outcome options", () => {
    const outcome = ELDERLY_VACCINATION_TEMPLATE.household.outcome;
    const visited = outcome.options.find((o) => o.counts === 'visited')!;
    expect(householdState(household('a', 1, 1, '101', { [outcome.id]: visited.id }), ELDERLY_VACCINATION_TEMPLATE)).toBe('visited');
  });
});

describe('the floor grid of a building', () => {
  it('puts the top floor first, units left to right, rooms in order, and leaves a gap where a unit has fewer rooms', () => {
    const grid = floorGrid([household('x', 2, 1, '101'), household('y', 1, 2, '202'), household('z', 1, 2, '201'), household('w', 1, 1, '101')], 3);
    expect(grid.units).toEqual([1, 2]);
    expect(grid.widths).toEqual([2, 1]);
    expect(grid.rows.map((row) => [row.floor, row.units.map((unit) => unit.map((h) => h.room))])).toEqual([
      [3, [[], []]],
      [2, [['201', '202'], []]],
      [1, [['101'], ['101']]],
    ]);
  });

  it('lays out a 33-floor building of 330 households, five rooms a unit on each floor', () => {
    const doors = [];
    for (let floor = 1; floor <= 33; floor++) for (let unit = 1; unit <= 2; unit++) for (let room = 1; room <= 5; room++) doors.push(household(`${floor}-${unit}-${room}`, unit, floor, `${floor}0${room}`));
    const grid = floorGrid(doors, 33);
    expect(grid.rows).toHaveLength(33);
    expect(grid.rows[0]!.floor).toBe(33);
    expect(grid.widths).toEqual([5, 5]);
  });
});
