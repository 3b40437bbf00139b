import { describe, expect, it } from 'vitest';
import { InvariantError, Territory, householdLabel, validateRound } from '../../src/index.js';
import { smallTerritory } from './fixtures.js';

describe('Territory', () => {
  it('walks from a micro-grid up to the city', () => {
    expect(smallTerritory().ancestors('gl-1-1-3-2').map((a) => a.level)).toEqual([
      'grid',
      'community',
      'street',
      'district',
      'city',
    ]);
  });

  it('lists children, buildings, households and members', () => {
    const territory = smallTerritory();
    expect(territory.children('gl').map((a) => a.id)).toEqual(['gl-1']);
    expect(territory.buildingsOf('gl-1-1-3-2').map((b) => b.id)).toEqual(['b5']);
    expect(territory.householdsOf('b5').map((h) => householdLabel(h))).toEqual(['2单元501']);
    expect(territory.membersOf('h1').map((m) => m.name)).toEqual(['张三明']);
  });

  it('fails loudly, naming expected and actual, when a building is put in a grid', () => {
    const territory = smallTerritory();
    const add = () => territory.addBuilding({ id: 'b9', areaId: 'gl-1-1-3', name: '9号楼', units: 1, floors: 1 });
    expect(add).toThrow(InvariantError);
    expect(add).toThrow('expected microgrid, got grid');
  });

  it('fails loudly when an area skips a level', () => {
    const territory = smallTerritory();
    expect(() => territory.addArea({ id: 'x', parentId: 'gl', level: 'community', name: 'x' })).toThrow(
      'expected street, got community',
    );
  });

  it('fails loudly on a duplicate household id', () => {
    const territory = smallTerritory();
    expect(() =>
      territory.addHousehold({ id: 'h1', buildingId: 'b5', unit: 1, floor: 1, room: '101', vacant: false }),
    ).toThrow(InvariantError);
  });

  it('takes configured levels: a tree without streets', () => {
    const territory = new Territory([
      { id: 'city', name: { zh: '市', en: 'City' } },
      { id: 'community', name: { zh: '社区', en: 'Community' } },
    ]);
    territory.addArea({ id: 'c', parentId: null, level: 'city', name: 'C' });
    territory.addArea({ id: 'k', parentId: 'c', level: 'community', name: 'K' });
    territory.addBuilding({ id: 'b', areaId: 'k', name: '1号楼', units: 1, floors: 1 });
    expect(territory.size).toEqual({ areas: 2, buildings: 1, households: 0, members: 0 });
  });
});

describe('validateRound', () => {
  const territory = smallTerritory();
  const context = {
    templateExists: (id: string, version: number) => id === 'nucleic-acid' && version === 1,
    rulesTemplate: (id: string, version: number) => (id === 'nucleic-acid-default' && version === 1 ? 'nucleic-acid' : id === 'census-default' ? 'census' : undefined),
    latestTemplateVersion: (id: string) => (id === 'nucleic-acid' ? 1 : undefined),
    latestRulesVersion: (id: string) => (id === 'nucleic-acid-default' || id === 'census-default' ? 1 : undefined),
    areaExists: (id: string) => territory.area(id) !== undefined,
    roundExists: (id: string) => id === 'r1113',
  };
  const round = { id: 'r1114', name: '11-14 全员核酸', templateId: 'nucleic-acid', templateVersion: 1, rulesId: 'nucleic-acid-default', rulesVersion: 1, areaId: 'fz', startsAt: 1668384000000 };

  it('accepts a round over the city', () => {
    expect(validateRound(round, context)).toEqual({ ok: true, value: round });
  });

  it('takes the latest stored versions when the request leaves them out', () => {
    const unversioned: Partial<typeof round> = { ...round };
    delete unversioned.templateVersion;
    delete unversioned.rulesVersion;
    expect(validateRound(unversioned, context)).toEqual({ ok: true, value: round });
  });

  it.each([
    { rule: 'an unknown template is refused', input: { ...round, templateId: 'census', templateVersion: undefined }, field: 'templateId' },
    { rule: 'an unknown template version is refused', input: { ...round, templateVersion: 2 }, field: 'templateVersion' },
    { rule: "rules for another template are refused", input: { ...round, rulesId: 'census-default', rulesVersion: undefined }, field: 'rulesId' },
    { rule: 'an unknown area dangles', input: { ...round, areaId: 'nowhere' }, field: 'areaId' },
    { rule: 'a duplicate id is refused', input: { ...round, id: 'r1113' }, field: 'id' },
    { rule: 'a start given as text is the wrong type', input: { ...round, startsAt: 'today' }, field: 'startsAt' },
    { rule: 'a missing name is named', input: { ...round, name: undefined }, field: 'name' },
  ])('$rule', ({ input, field }) => {
    const result = validateRound(input, context);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues.map((i) => i.field)).toContain(field);
  });
});
