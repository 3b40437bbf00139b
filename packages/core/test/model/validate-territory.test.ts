import { describe, expect, it } from 'vitest';
import {
  NUCLEIC_ACID_TEMPLATE,
  validateArea,
  validateBuilding,
  validateHousehold,
  validateMember,
  type Validated,
} from '../../src/index.js';
import { smallTerritory } from './fixtures.js';

const territory = smallTerritory();
const tags = NUCLEIC_ACID_TEMPLATE.specialGroups.map((g) => g.id);

const goodArea = { id: 'gl-1-1-3-3', parentId: 'gl-1-1-3', level: 'microgrid', name: '3-3微网格' };
const goodBuilding = { id: 'b6', areaId: 'gl-1-1-3-2', name: '6号楼', units: 3, floors: 18 };
const goodHousehold = { id: 'h2', buildingId: 'b5', unit: 1, floor: 3, room: '302' };
const goodMember = { id: 'm2', householdId: 'h1', name: '李四', tags: ['elderly_alone'] };

interface Case {
  readonly rule: string;
  readonly input: unknown;
  readonly field: string;
}

function expectIssue(result: Validated<unknown>, field: string): void {
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(result.issues.map((issue) => issue.field)).toContain(field);
  for (const issue of result.issues) expect(issue.reason.length).toBeGreaterThan(0);
}

describe('validateArea', () => {
  it('accepts a micro-grid under a grid', () => {
    expect(validateArea(goodArea, territory)).toMatchObject({ ok: true, value: { ...goodArea, geometry: null } });
  });

  const cases: Case[] = [
    { rule: 'a missing id is named', input: { ...goodArea, id: undefined }, field: 'id' },
    { rule: 'a numeric name is the wrong type', input: { ...goodArea, name: 7 }, field: 'name' },
    { rule: 'an unknown level is refused', input: { ...goodArea, level: 'province' }, field: 'level' },
    { rule: 'a level that skips one is refused', input: { ...goodArea, level: 'community' }, field: 'level' },
    { rule: 'a parent that does not exist is refused', input: { ...goodArea, parentId: 'nowhere' }, field: 'parentId' },
    { rule: 'only the root level may have no parent', input: { ...goodArea, parentId: null }, field: 'parentId' },
    { rule: 'a duplicate id is refused', input: { ...goodArea, id: 'gl-1-1-3-2' }, field: 'id' },
    { rule: 'an id with spaces is refused', input: { ...goodArea, id: 'a b' }, field: 'id' },
    { rule: 'an unknown field is refused', input: { ...goodArea, colour: 'red' }, field: 'colour' },
    { rule: 'an open ring is refused', input: { ...goodArea, geometry: { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 1]]] } }, field: 'geometry' },
    { rule: 'a point is not an area geometry', input: { ...goodArea, geometry: { type: 'Point', coordinates: [0, 0] } }, field: 'geometry' },
    { rule: 'a latitude beyond 90 is refused', input: { ...goodArea, geometry: { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 91], [0, 0]]] } }, field: 'geometry' },
  ];
  it.each(cases)('$rule', ({ input, field }) => expectIssue(validateArea(input, territory), field));

  it('reports every problem of an input at once', () => {
    const result = validateArea({ level: 'planet', name: '' }, territory);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues.map((i) => i.field).sort()).toEqual(['id', 'level', 'name', 'parentId']);
  });

  it('names the path of a nested input', () => {
    expectIssue(validateArea({ ...goodArea, id: 3 }, territory, 'areas.4'), 'areas.4.id');
  });

  it('refuses a value that is not an object', () => {
    expectIssue(validateArea('gl', territory), '(root)');
  });
});

describe('validateBuilding', () => {
  it('accepts a building in a micro-grid', () => {
    expect(validateBuilding(goodBuilding, territory).ok).toBe(true);
  });

  const cases: Case[] = [
    { rule: 'a missing area is named', input: { ...goodBuilding, areaId: undefined }, field: 'areaId' },
    { rule: 'floors given as text are the wrong type', input: { ...goodBuilding, floors: '18' }, field: 'floors' },
    { rule: 'fractional units are refused', input: { ...goodBuilding, units: 1.5 }, field: 'units' },
    { rule: 'zero floors are refused', input: { ...goodBuilding, floors: 0 }, field: 'floors' },
    { rule: 'a building in a grid is at the wrong level', input: { ...goodBuilding, areaId: 'gl-1-1-3' }, field: 'areaId' },
    { rule: 'a building in an unknown area dangles', input: { ...goodBuilding, areaId: 'gone' }, field: 'areaId' },
    { rule: 'a duplicate id is refused', input: { ...goodBuilding, id: 'b5' }, field: 'id' },
    { rule: 'a polygon is not a building location', input: { ...goodBuilding, location: { type: 'Polygon', coordinates: [] } }, field: 'location' },
  ];
  it.each(cases)('$rule', ({ input, field }) => expectIssue(validateBuilding(input, territory), field));
});

describe('validateHousehold', () => {
  it('accepts a household and defaults it to occupied', () => {
    expect(validateHousehold(goodHousehold, territory)).toMatchObject({ ok: true, value: { vacant: false } });
  });

  const cases: Case[] = [
    { rule: 'a missing room is named', input: { ...goodHousehold, room: undefined }, field: 'room' },
    { rule: 'vacant given as text is the wrong type', input: { ...goodHousehold, vacant: 'yes' }, field: 'vacant' },
    { rule: 'floor 0 does not exist', input: { ...goodHousehold, floor: 0 }, field: 'floor' },
    { rule: 'a household in an unknown building dangles', input: { ...goodHousehold, buildingId: 'b404' }, field: 'buildingId' },
    { rule: 'a duplicate id is refused', input: { ...goodHousehold, id: 'h1' }, field: 'id' },
  ];
  it.each(cases)('$rule', ({ input, field }) => expectIssue(validateHousehold(input, territory), field));
});

describe('validateMember', () => {
  it('accepts a member with a special-group tag', () => {
    expect(validateMember(goodMember, territory, tags)).toMatchObject({ ok: true, value: { tags: ['elderly_alone'] } });
  });

  const cases: Case[] = [
    { rule: 'a missing name is named', input: { ...goodMember, name: undefined }, field: 'name' },
    { rule: 'a birth year given as text is the wrong type', input: { ...goodMember, birthYear: '1950' }, field: 'birthYear' },
    { rule: 'an unknown special group is refused', input: { ...goodMember, tags: ['vip'] }, field: 'tags.0' },
    { rule: 'a repeated special group is refused', input: { ...goodMember, tags: ['infant', 'infant'] }, field: 'tags.1' },
    { rule: 'tags that are not a list are refused', input: { ...goodMember, tags: 'infant' }, field: 'tags' },
    { rule: 'letters are not a phone number', input: { ...goodMember, phone: 'call me' }, field: 'phone' },
    { rule: 'a member of an unknown household dangles', input: { ...goodMember, householdId: 'h404' }, field: 'householdId' },
    { rule: 'a duplicate id is refused', input: { ...goodMember, id: 'm1' }, field: 'id' },
  ];
  it.each(cases)('$rule', ({ input, field }) => expectIssue(validateMember(input, territory, tags), field));
});
