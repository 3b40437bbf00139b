import { describe, expect, it } from 'vitest';
import { CountingEngine, NUCLEIC_ACID_TEMPLATE, Territory, type Round } from '@gridsweep/core';
import { generateCity, ROOT_AREA_ID } from '../../src/city/index.js';
import { simulateMorning } from '../../src/simulator/index.js';

const round: Round = {
  id: 'r1',
  name: '11-14 全员核酸',
  templateId: NUCLEIC_ACID_TEMPLATE.id,
  templateVersion: 1,
  rulesId: 'nucleic-acid-default',
  rulesVersion: 1,
  areaId: ROOT_AREA_ID,
  startsAt: Date.UTC(2022, 10, 14, 0, 0),
};

// One demo city, loaded into the roster the simulator reads and the core's counting engine.
const territory = new Territory();
const engine = new CountingEngine();
for (const record of generateCity({ seed: 7, scale: 'demo' })) {
  if (record.kind === 'area') {
    territory.addArea(record.area);
    engine.addArea(record.area);
  } else if (record.kind === 'building') {
    territory.addBuilding(record.building);
    engine.addBuilding(record.building);
  } else if (record.kind === 'household') {
    territory.addHousehold(record.household);
    engine.addHousehold(record.household);
  } else {
    territory.addMember(record.member);
    engine.addMember(record.member);
  }
}
engine.openRound(round);

describe('a simulated morning over the demo city, with the default faults, fed to the counting engine', () => {
  const morning = simulateMorning({ territory, round, seed: 7 });
  const refusals = morning.deliveries.map(({ event }) => engine.apply(event)).filter((result) => !result.ok);
  const city = engine.counts(round.id, ROOT_AREA_ID);

  it('is accepted event by event', () => {
    expect(refusals).toEqual([]);
  });

  it('ends near full coverage: at least 93 % of the households to visit are visited', () => {
    expect(city.households.toVisit).toBeGreaterThan(50_000);
    expect(city.households.visited / city.households.toVisit).toBeGreaterThan(0.93);
    expect(city.households.visited).toBeLessThan(city.households.toVisit);
  });

  it('leaves a few no-answers and refusals, as real mornings do', () => {
    expect(city.households.noAnswer).toBeGreaterThan(0);
    expect(city.households.refused).toBeGreaterThan(0);
  });

  it('ends with most eligible members tested and a few yellow and red codes', () => {
    expect(city.members.done / city.members.eligible).toBeGreaterThan(0.85);
    expect(city.markers['yellow']!).toBeGreaterThan(0);
    expect(city.markers['red']!).toBeGreaterThan(0);
    expect(city.markers['red']!).toBeLessThan(city.markers['yellow']!);
  });

  it('counts a corrected member as tested: the later record wins', () => {
    const corrected = new Map<string, string>();
    for (const { event } of morning.deliveries) {
      if (event.memberId === undefined) continue;
      const earlier = corrected.get(event.memberId);
      if (earlier === 'not_tested' && event.values['test'] === 'tested') corrected.set(event.memberId, 'corrected');
      else if (earlier !== 'corrected') corrected.set(event.memberId, event.values['test'] ?? '');
    }
    const correctedIds = [...corrected].filter(([, state]) => state === 'corrected').map(([id]) => id);
    expect(correctedIds.length).toBeGreaterThan(0);
    for (const memberId of correctedIds) expect(engine.memberValues(round.id, memberId)?.['test']).toBe('tested');
  });
});
