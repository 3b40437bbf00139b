import { describe, expect, it } from 'vitest';
import { InvariantError, TICK_MS } from '../../src/index.js';
import { householdEvent, memberEvent, smallEngine, T0 } from './engine-fixtures.js';

describe('CountingEngine counts', () => {
  it('starts a round from the roster with nothing recorded', () => {
    const counts = smallEngine().counts('r1', 'fz');
    expect(counts.households).toEqual({ total: 3, toVisit: 2, visited: 0, noAnswer: 0, refused: 0, vacant: 1 });
    expect(counts.members).toEqual({ total: 3, eligible: 3, done: 0, exempt: 0, away: 0, reached: 0 });
    expect(counts.markers).toEqual({ green: 0, yellow: 0, red: 0, unknown: 3 });
    expect(counts.specialGroups['elderly_alone']).toEqual({ total: 1, notVisited: 1, notDone: 1 });
  });

  it('adds a visit to the micro-grid and every ancestor, and to no other area', () => {
    const engine = smallEngine();
    expect(engine.apply(householdEvent('h1', 'visited'))).toEqual({ ok: true, changed: true });
    for (const area of ['mg1', 'g3', 'sf', 'dj', 'gl', 'fz']) expect(engine.counts('r1', area).households.visited).toBe(1);
    expect(engine.counts('r1', 'mg2').households.visited).toBe(0);
    expect(engine.counts('r1', 'fz').specialGroups['elderly_alone']!.notVisited).toBe(0);
  });

  it('counts member status and code, with eligible and unknown derived', () => {
    const engine = smallEngine();
    engine.apply(memberEvent('h1', 'm1', { test: 'tested', code: 'green' }));
    engine.apply(memberEvent('h1', 'm2', { test: 'exempt', code: 'red' }));
    engine.apply(memberEvent('h3', 'm3', { test: 'away' }));
    const counts = engine.counts('r1', 'fz');
    expect(counts.members).toEqual({ total: 3, eligible: 1, done: 1, exempt: 1, away: 1, reached: 0 });
    expect(counts.markers).toEqual({ green: 1, yellow: 0, red: 1, unknown: 1 });
    expect(counts.specialGroups['elderly_alone']).toEqual({ total: 1, notVisited: 1, notDone: 0 });
  });

  it('treats a household found vacant at the door as not to visit', () => {
    const engine = smallEngine();
    engine.apply(householdEvent('h3', 'vacant'));
    expect(engine.counts('r1', 'mg2').households).toEqual({ total: 1, toVisit: 0, visited: 0, noAnswer: 0, refused: 0, vacant: 1 });
  });
});

describe('CountingEngine last writer wins', () => {
  it('changes nothing when the same event is applied twice', () => {
    const engine = smallEngine();
    const event = householdEvent('h1', 'refused');
    engine.apply(event);
    engine.takeChanges();
    expect(engine.apply(event)).toEqual({ ok: true, changed: false });
    expect(engine.takeChanges()).toEqual({});
    expect(engine.counts('r1', 'fz').households.refused).toBe(1);
  });

  it('keeps the later observation whichever arrives first', () => {
    const early = householdEvent('h1', 'no_answer', T0);
    const late = householdEvent('h1', 'visited', T0 + 60_000);
    for (const order of [[early, late], [late, early]]) {
      const engine = smallEngine();
      order.forEach((event) => engine.apply(event));
      expect(engine.householdValues('r1', 'h1')).toEqual({ outcome: 'visited' });
      expect(engine.counts('r1', 'fz').households.noAnswer).toBe(0);
    }
  });

  it('breaks a tie within one tick by option order, the same in either order', () => {
    const a = householdEvent('h1', 'visited', T0);
    const b = householdEvent('h1', 'refused', T0 + TICK_MS - 1);
    const results = [[a, b], [b, a]].map((order) => {
      const engine = smallEngine();
      order.forEach((event) => engine.apply(event));
      return engine.householdValues('r1', 'h1');
    });
    expect(results[0]).toEqual({ outcome: 'refused' });
    expect(results[1]).toEqual(results[0]);
  });

  it('orders a member\'s status and code each on its own', () => {
    const engine = smallEngine();
    engine.apply(memberEvent('h1', 'm1', { test: 'tested', code: 'green' }, T0 + 60_000));
    engine.apply(memberEvent('h1', 'm1', { code: 'yellow' }, T0 + 120_000));
    engine.apply(memberEvent('h1', 'm1', { test: 'not_tested', code: 'red' }, T0 + 90_000));
    engine.apply(memberEvent('h1', 'm1', { test: 'exempt' }, T0 + 30_000));
    expect(engine.memberValues('r1', 'm1')).toEqual({ test: 'not_tested', code: 'yellow' });
  });
});

describe('CountingEngine refusals', () => {
  it('refuses events it cannot place, naming the field, and changes nothing', () => {
    const engine = smallEngine();
    const cases = [
      [{ ...householdEvent('h1', 'visited'), roundId: 'r9' }, 'roundId'],
      [householdEvent('nope', 'visited'), 'householdId'],
      [memberEvent('h1', 'm9', { test: 'tested' }), 'memberId'],
      [memberEvent('h3', 'm1', { test: 'tested' }), 'memberId'],
      [householdEvent('h1', 'maybe'), 'values.outcome'],
      [memberEvent('h1', 'm1', { outcome: 'visited' }), 'values.outcome'],
    ] as const;
    for (const [event, field] of cases) expect(engine.apply(event)).toMatchObject({ ok: false, field });
    expect(engine.takeChanges()).toEqual({});
  });

  it('throws an InvariantError naming the problem for a roster change that breaks the tree', () => {
    const engine = smallEngine();
    expect(() => engine.addBuilding({ id: 'b9', areaId: 'g3', name: 'x', units: 1, floors: 1 })).toThrow(InvariantError);
    expect(() => engine.addMember({ id: 'm9', householdId: 'h9', name: 'x', tags: [] })).toThrow(/household of member m9/);
  });
});

describe('CountingEngine changes', () => {
  it('squashes a burst into one change per area, from before the burst to after it', () => {
    const engine = smallEngine();
    engine.apply(householdEvent('h1', 'no_answer', T0));
    engine.apply(householdEvent('h1', 'visited', T0 + 60_000));
    engine.apply(memberEvent('h1', 'm1', { test: 'tested' }));
    const diff = engine.takeChanges();
    expect(Object.keys(diff['r1']!).sort()).toEqual(['dj', 'fz', 'g3', 'gl', 'mg1', 'sf']);
    const city = diff['r1']!['fz']!;
    expect([city.from.households.visited, city.to.households.visited]).toEqual([0, 1]);
    expect([city.from.households.noAnswer, city.to.households.noAnswer]).toEqual([0, 0]);
    expect(engine.takeChanges()).toEqual({});
  });

  it('reports no change when a burst ends where it started', () => {
    const engine = smallEngine();
    engine.apply(memberEvent('h3', 'm3', { code: 'green' }, T0));
    engine.takeChanges();
    engine.apply(memberEvent('h3', 'm3', { code: 'green' }, T0 + 60_000));
    expect(engine.takeChanges()).toEqual({});
  });
});

describe('CountingEngine roster changes while counting', () => {
  it('counts a household and member added after events', () => {
    const engine = smallEngine();
    engine.apply(householdEvent('h1', 'visited'));
    engine.addHousehold({ id: 'h4', buildingId: 'b1', unit: 2, floor: 1, room: '101', vacant: false });
    engine.addMember({ id: 'm4', householdId: 'h1', name: '张小', tags: ['infant'] });
    engine.apply(memberEvent('h1', 'm4', { test: 'tested' }));
    expect(engine.memberValues('r1', 'm4')).toEqual({ test: 'tested' });
    expect(engine.memberValues('r1', 'm1')).toEqual({});
    expect(engine.counts('r1', 'mg1').households.total).toBe(3);
    expect(engine.counts('r1', 'fz').specialGroups['infant']).toEqual({ total: 1, notVisited: 0, notDone: 0 });
    expect(engine.recount('r1').areasChanged).toBe(0);
  });

  it('moves a building\'s counts with it to another micro-grid', () => {
    const engine = smallEngine();
    engine.apply(householdEvent('h1', 'visited'));
    engine.apply(memberEvent('h1', 'm1', { test: 'tested' }));
    engine.moveBuilding('b1', 'mg2');
    expect(engine.counts('r1', 'mg1').households.total).toBe(0);
    expect(engine.counts('r1', 'mg2').households).toMatchObject({ total: 3, visited: 1 });
    expect(engine.counts('r1', 'mg2').members.done).toBe(1);
    expect(engine.counts('r1', 'fz').households.total).toBe(3);
    expect(engine.recount('r1').areasChanged).toBe(0);
  });

  it('takes a household marked vacant out of those to visit', () => {
    const engine = smallEngine();
    engine.apply(householdEvent('h3', 'no_answer'));
    engine.setHouseholdVacant('h3', true);
    expect(engine.counts('r1', 'mg2').households).toEqual({ total: 1, toVisit: 0, visited: 0, noAnswer: 0, refused: 0, vacant: 1 });
    engine.setHouseholdVacant('h3', false);
    expect(engine.counts('r1', 'mg2').households.noAnswer).toBe(1);
    expect(engine.recount('r1').areasChanged).toBe(0);
  });
});
