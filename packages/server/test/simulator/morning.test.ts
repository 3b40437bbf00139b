import { describe, expect, it } from 'vitest';
import { NUCLEIC_ACID_TEMPLATE, Territory, validateSweepEvent, type SweepEvent } from '@gridsweep/core';
import { cityTerritory, ROOT_AREA_ID } from '../../src/city/index.js';
import { microgridsUnder, NO_FAULTS, simulateMorning, type SimulatedMorning } from '../../src/simulator/index.js';

const territory = cityTerritory({ seed: 7, scale: 'tiny' });
const round = { id: 'r1', areaId: ROOT_AREA_ID, startsAt: Date.UTC(2022, 10, 14, 0, 0) };
const MINUTE = 60_000;

function byWorker(events: readonly SweepEvent[]): Map<string, SweepEvent[]> {
  const map = new Map<string, SweepEvent[]>();
  for (const event of events) {
    const list = map.get(event.workerId);
    if (list) list.push(event);
    else map.set(event.workerId, [event]);
  }
  return map;
}

const eventsOf = (morning: SimulatedMorning): SweepEvent[] => morning.deliveries.map((d) => d.event);

describe('a simulated sweep morning over the tiny city', () => {
  const morning = simulateMorning({ territory, round, seed: 1 });
  const perfect = simulateMorning({ territory, round, seed: 1, faults: NO_FAULTS });

  it("sends only events that pass the core's validation against the roster", () => {
    const context = { territory, templateOfRound: (id: string) => (id === round.id ? NUCLEIC_ACID_TEMPLATE : undefined) };
    for (const event of eventsOf(morning)) {
      const checked = validateSweepEvent(event, context);
      expect(checked.ok ? [] : checked.issues).toEqual([]);
    }
  });

  it('is the same morning for the same seed and another for another seed', () => {
    const again = simulateMorning({ territory, round, seed: 1 });
    expect(JSON.stringify(again.deliveries)).toBe(JSON.stringify(morning.deliveries));
    const other = simulateMorning({ territory, round, seed: 2 });
    expect(JSON.stringify(other.deliveries)).not.toBe(JSON.stringify(morning.deliveries));
  });

  it('sends one team per micro-grid, each worker sweeping only its own micro-grid', () => {
    const microgrids = microgridsUnder(territory, ROOT_AREA_ID);
    const workers = byWorker(eventsOf(morning));
    const teams = new Set([...workers.keys()].map((worker) => worker.replace(/-\d+$/, '')));
    expect([...teams].sort()).toEqual(microgrids.map((id) => `w-${id}`).sort());
    for (const [worker, events] of workers) {
      for (const event of events) {
        const building = territory.building(territory.household(event.householdId)!.buildingId)!;
        expect(worker.startsWith(`w-${building.areaId}-`)).toBe(true);
      }
    }
  });

  it('gives a large micro-grid a team of several workers', () => {
    const tower = new Territory();
    tower.addArea({ id: 'c', parentId: null, level: 'city', name: '榕城市' });
    let parent = 'c';
    for (const level of ['district', 'street', 'community', 'grid', 'microgrid']) {
      tower.addArea({ id: level, parentId: parent, level, name: level });
      parent = level;
    }
    tower.addBuilding({ id: 'b1', areaId: 'microgrid', name: '1号楼', units: 2, floors: 30 });
    for (let floor = 1; floor <= 30; floor++) {
      for (const unit of [1, 2]) {
        for (const room of [1, 2, 3]) {
          const id = `h${unit}-${floor}0${room}`;
          tower.addHousehold({ id, buildingId: 'b1', unit, floor, room: `${floor}0${room}`, vacant: false });
          tower.addMember({ id: `p${id}`, householdId: id, name: '林秀英', tags: [] });
        }
      }
    }
    const sweep = simulateMorning({ territory: tower, round: { ...round, areaId: 'c' }, seed: 1, faults: NO_FAULTS });
    const workers = new Set(sweep.deliveries.map((d) => d.event.workerId));
    expect([...workers].sort()).toEqual(['w-microgrid-1', 'w-microgrid-2', 'w-microgrid-3']);
  });

  it('goes building by building, unit by unit, floor by floor on the first round of knocks', () => {
    for (const events of byWorker(eventsOf(perfect)).values()) {
      const seen = new Set<string>();
      let previous: [number, number, number] = [0, 0, 0];
      for (const event of events) {
        if (event.memberId !== undefined || seen.has(event.householdId)) continue;
        seen.add(event.householdId);
        const household = territory.household(event.householdId)!;
        const buildings = territory.buildingsOf(territory.building(household.buildingId)!.areaId).map((b) => b.id);
        const position: [number, number, number] = [buildings.indexOf(household.buildingId), household.unit, household.floor];
        expect(comparePosition(position, previous), event.householdId).toBeGreaterThanOrEqual(0);
        previous = position;
      }
    }
  });

  it('never knocks at a dwelling the roster lists as vacant', () => {
    for (const event of eventsOf(morning)) expect(territory.household(event.householdId)!.vacant).toBe(false);
  });

  it('comes back later to doors that did not open, and some open then', () => {
    const outcomes = new Map<string, string[]>();
    for (const event of eventsOf(perfect)) {
      const outcome = event.values['outcome'];
      if (outcome) outcomes.set(event.householdId, [...(outcomes.get(event.householdId) ?? []), outcome]);
    }
    const revisited = [...outcomes.values()].filter((list) => list[0] === 'no_answer' && list.length > 1);
    expect(revisited.length).toBeGreaterThan(0);
    expect(revisited.some((list) => list.at(-1) === 'visited')).toBe(true);
  });

  it('records some yellow and red health codes among the green', () => {
    const codes = eventsOf(perfect).flatMap((e) => (e.values['code'] ? [e.values['code']] : []));
    expect(codes.filter((c) => c === 'green').length / codes.length).toBeGreaterThan(0.9);
    expect(codes).toContain('yellow');
    expect(codes).toContain('red');
  });

  it('has teams that start late and teams much slower than others', () => {
    const spans = [...byWorker(eventsOf(perfect)).values()].map((events) => ({
      start: events[0]!.deviceTime,
      perEvent: (events.at(-1)!.deviceTime - events[0]!.deviceTime) / events.length,
    }));
    const starts = spans.map((s) => s.start - round.startsAt);
    expect(Math.max(...starts) - Math.min(...starts)).toBeGreaterThan(30 * MINUTE);
    const paces = spans.map((s) => s.perEvent);
    expect(Math.max(...paces) / Math.min(...paces)).toBeGreaterThan(1.5);
  });

  it('delivers every event once, in device-time order per team, on a perfect network', () => {
    const ids = eventsOf(perfect).map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(perfect.eventCount).toBe(ids.length);
    for (const events of byWorker(eventsOf(perfect)).values()) {
      for (let i = 1; i < events.length; i++) expect(events[i]!.deviceTime).toBeGreaterThanOrEqual(events[i - 1]!.deviceTime);
    }
  });

  it('refuses a round over an area the territory lacks, naming the field', () => {
    expect(() => simulateMorning({ territory, round: { ...round, areaId: 'nowhere' }, seed: 1 })).toThrow(/round\.areaId/);
  });
});

function comparePosition(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
}
