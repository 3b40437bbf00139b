import { describe, expect, it } from 'vitest';
import { CountingEngine, ELDERLY_VACCINATION_TEMPLATE, type Round } from '../../src/index.js';
import { householdEvent, memberEvent, ROUND, smallEngine } from './engine-fixtures.js';

const VACCINATION: Round = { ...ROUND, id: 'v1', name: '老年人疫苗摸排', templateId: 'elderly-vaccination', rulesId: 'elderly-vaccination-default' };

describe('CountingEngine roster changes and lookups', () => {
  it('stops counting a member who moved out, in every round, and keeps what was recorded', () => {
    const engine = smallEngine();
    engine.apply(memberEvent('h1', 'm2', { test: 'tested', code: 'green' }));
    engine.removeMember('m2');
    const counts = engine.counts('r1', 'fz');
    expect([counts.members.total, counts.members.done, counts.specialGroups['elderly_alone']!.total]).toEqual([2, 0, 0]);
    expect(engine.memberValues('r1', 'm2')).toEqual({ test: 'tested', code: 'green' });
    expect(engine.memberRemoved('m2')).toBe(true);
    expect(engine.recount('r1').areasChanged).toBe(0);
  });

  it('moves a member into and out of a special group when the roster changes their tags', () => {
    const engine = smallEngine();
    engine.updateMember('m1', { tags: ['disabled'] });
    engine.updateMember('m2', { tags: [] });
    const groups = engine.counts('r1', 'mg1').specialGroups;
    expect([groups['disabled']!.total, groups['elderly_alone']!.total]).toEqual([1, 0]);
    expect(engine.recount('r1').areasChanged).toBe(0);
  });

  it('counts only people of the template’s age in a census round, and follows a corrected birth year', () => {
    const engine = smallEngine();
    engine.openRound(VACCINATION);
    expect(engine.counts('v1', 'fz').members.total).toBe(0);
    engine.updateMember('m2', { birthYear: 1940 });
    engine.updateMember('m3', { birthYear: 1990 });
    expect(engine.counts('v1', 'fz').members.total).toBe(1);
    expect(engine.counts('r1', 'fz').members.total).toBe(3);
    engine.apply(householdEvent('h1', 'visited'));
    engine.apply({ ...memberEvent('h1', 'm2', { doses: 'three_plus', home_vaccination: 'wants' }), roundId: 'v1' });
    const census = engine.counts('v1', 'fz');
    expect([census.members.reached, census.members.done, census.markers['wants'], census.markers['no']]).toEqual([0, 1, 1, 0]);
    engine.apply({ ...householdEvent('h1', 'visited'), roundId: 'v1' });
    expect(engine.counts('v1', 'fz').members.reached).toBe(1);
    expect(engine.roundTemplate('v1')).toBe(ELDERLY_VACCINATION_TEMPLATE);
  });

  it('takes the ids of the areas that changed, by round, without their counts, and forgets them once taken', () => {
    const engine = smallEngine();
    engine.takeChangedAreas();
    engine.apply(householdEvent('h3', 'visited'));
    expect(engine.takeChangedAreas()).toEqual(new Map([['r1', ['mg2', 'g3', 'sf', 'dj', 'gl', 'fz']]]));
    expect(engine.takeChangedAreas().size).toBe(0);
  });

  it('records a note alone without counting anything, and refuses a field the template does not have', () => {
    const engine = smallEngine();
    expect(engine.apply({ ...householdEvent('h1', 'visited'), values: { note: '改天再来' } })).toEqual({ ok: true, changed: false });
    expect(engine.counts('r1', 'fz').households.visited).toBe(0);
    expect(engine.apply({ ...householdEvent('h1', 'visited'), values: { colour: 'blue' } })).toMatchObject({ ok: false, field: 'values.colour' });
  });

  it('answers lookups by id from its own arrays', () => {
    const { roster } = smallEngine();
    expect([roster.memberHousehold('m2'), roster.householdBuilding('h3'), roster.buildingArea('b1'), roster.householdArea('h1'), roster.areaParent('mg1')]).toEqual(['h1', 'b2', 'mg1', 'mg1', 'g3']);
    expect(roster.householdsOfBuilding('b1')).toEqual(['h1', 'h2']);
    expect([roster.hasHousehold('h9'), roster.memberHousehold('m9'), roster.householdVacant('h2')]).toEqual([false, undefined, true]);
  });

  it('refuses ids for households added after a roster loaded without them', () => {
    const engine = new CountingEngine();
    engine.loadBulk({ areas: [{ id: 'c', parentId: null, level: 'city' }, { id: 'd', parentId: 'c', level: 'district' }, { id: 's', parentId: 'd', level: 'street' }, { id: 'k', parentId: 's', level: 'community' }, { id: 'g', parentId: 'k', level: 'grid' }, { id: 'm', parentId: 'g', level: 'microgrid' }], buildingAreas: Int32Array.of(5), buildingIds: ['b'], householdBuildings: Int32Array.of(0), householdMemberCounts: Uint8Array.of(0) });
    expect(() => engine.addHousehold({ id: 'h', buildingId: 'b', unit: 1, floor: 1, room: '101', vacant: false })).toThrow(/households loaded without ids/);
  });
});
