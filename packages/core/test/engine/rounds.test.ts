import { describe, expect, it } from 'vitest';
import { NUCLEIC_ACID_TEMPLATE } from '../../src/index.js';
import { householdEvent, memberEvent, ROUND, smallEngine, T0 } from './engine-fixtures.js';

describe('CountingEngine rounds', () => {
  it('counts each round on its own, and keeps both right while members are added and slots move', () => {
    const engine = smallEngine();
    const second = { ...ROUND, id: 'r2', name: '11-15 全员核酸', startsAt: ROUND.startsAt + 86_400_000 };
    engine.openRound(second);
    engine.apply(memberEvent('h1', 'm1', { test: 'tested' }));
    engine.apply({ ...householdEvent('h3', 'visited', T0 + 86_400_000), roundId: 'r2' });
    engine.apply({ ...memberEvent('h1', 'm2', { test: 'away', code: 'yellow' }, T0 + 86_400_000), roundId: 'r2' });
    for (let i = 0; i < 12; i++) {
      engine.addHousehold({ id: `x${i}`, buildingId: 'b2', unit: 1, floor: 2, room: `${i}`, vacant: false });
      engine.addMember({ id: `xm${i}`, householdId: `x${i}`, name: 'x', tags: i % 3 === 0 ? ['disabled'] : [] });
    }
    engine.addMember({ id: 'm1b', householdId: 'h1', name: 'y', tags: ['pregnant'] });
    engine.apply({ ...memberEvent('h1', 'm1b', { test: 'tested' }, T0 + 86_400_000), roundId: 'r2' });
    expect(engine.memberValues('r1', 'm1')).toEqual({ test: 'tested' });
    expect(engine.memberValues('r2', 'm1')).toEqual({});
    expect(engine.memberValues('r2', 'm2')).toEqual({ test: 'away', code: 'yellow' });
    expect(engine.memberValues('r1', 'm2')).toEqual({});
    expect(engine.memberValues('r2', 'm1b')).toEqual({ test: 'tested' });
    expect(engine.counts('r1', 'fz').members.done).toBe(1);
    expect(engine.counts('r2', 'fz').members.done).toBe(1);
    expect(engine.counts('r2', 'mg2').households.visited).toBe(1);
    expect(engine.counts('r1', 'mg2').households.visited).toBe(0);
    expect(engine.counts('r2', 'fz').specialGroups['disabled']).toEqual({ total: 4, notVisited: 4, notDone: 4 });
    expect([engine.recount('r1').areasChanged, engine.recount('r2').areasChanged]).toEqual([0, 0]);
  });

  it('refuses to open a round of a template it was not given', () => {
    expect(() => smallEngine().openRound({ ...ROUND, id: 'r3', templateId: 'welfare-check' })).toThrow(/template of round r3/);
  });

  it('counts a round with nothing recorded by another template version from then on, reporting every area changed', () => {
    const engine = smallEngine();
    engine.addTemplate({ ...NUCLEIC_ACID_TEMPLATE, version: 2, member: { ...NUCLEIC_ACID_TEMPLATE.member, marker: null } });
    expect(engine.counts('r1', 'fz').markers).toEqual({ green: 0, yellow: 0, red: 0, unknown: 3 });
    engine.takeChangedAreas();
    engine.changeRound({ ...ROUND, templateVersion: 2 });
    expect(engine.roundTemplate('r1').version).toBe(2);
    expect(engine.counts('r1', 'fz').markers).toEqual({});
    expect(engine.takeChangedAreas().get('r1')?.length).toBe(7);
    engine.apply(memberEvent('h1', 'm1', { test: 'tested' }));
    expect(engine.counts('r1', 'fz').members.done).toBe(1);
    expect(engine.recount('r1').areasChanged).toBe(0);
  });

  it('refuses to change the template of a round that has counted an event', () => {
    const engine = smallEngine();
    engine.apply(householdEvent('h1', 'visited'));
    expect(() => engine.changeRound(ROUND)).toThrow(/nothing recorded/);
  });
});
