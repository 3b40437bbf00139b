import { describe, expect, it } from 'vitest';
import {
  roleAllows,
  ROLES,
  scopeCoversArea,
  scopeCoversBuilding,
  scopeCoversHousehold,
  scopeReachesArea,
  scopeRoots,
  type AccessScope,
} from '../../src/index.js';
import { smallTerritory } from '../model/fixtures.js';

function territoryWithTwoDistricts() {
  const territory = smallTerritory();
  territory.addArea({ id: 'cs', parentId: 'fz', level: 'district', name: '仓山区' });
  territory.addArea({ id: 'cs-1', parentId: 'cs', level: 'street', name: '仓前街道' });
  return territory;
}

const district: AccessScope = { kind: 'areas', areaIds: ['gl'] };
const microgrid: AccessScope = { kind: 'areas', areaIds: ['gl-1-1-3-2'] };

describe('territorial scope', () => {
  const territory = territoryWithTwoDistricts();

  it('a district scope covers the district and everything below it, and nothing beside or above it', () => {
    expect(scopeCoversArea(district, territory, 'gl')).toBe(true);
    expect(scopeCoversArea(district, territory, 'gl-1-1-3-2')).toBe(true);
    expect(scopeCoversArea(district, territory, 'cs')).toBe(false);
    expect(scopeCoversArea(district, territory, 'cs-1')).toBe(false);
    expect(scopeCoversArea(district, territory, 'fz')).toBe(false);
  });

  it('an area above the scope is reached, for listing, but not covered', () => {
    expect(scopeReachesArea(microgrid, territory, 'fz')).toBe(true);
    expect(scopeReachesArea(microgrid, territory, 'gl-1')).toBe(true);
    expect(scopeReachesArea(microgrid, territory, 'cs')).toBe(false);
    expect(scopeCoversArea(microgrid, territory, 'gl-1')).toBe(false);
  });

  it('buildings and households are in scope when their micro-grid is', () => {
    expect(scopeCoversBuilding(microgrid, territory, 'b5')).toBe(true);
    expect(scopeCoversHousehold(microgrid, territory, 'h1')).toBe(true);
    const elsewhere: AccessScope = { kind: 'areas', areaIds: ['cs'] };
    expect(scopeCoversBuilding(elsewhere, territory, 'b5')).toBe(false);
    expect(scopeCoversHousehold(elsewhere, territory, 'h1')).toBe(false);
  });

  it('a resident sees their own household and no area at all', () => {
    const resident: AccessScope = { kind: 'household', householdId: 'h1' };
    expect(scopeCoversHousehold(resident, territory, 'h1')).toBe(true);
    expect(scopeCoversArea(resident, territory, 'gl-1-1-3-2')).toBe(false);
    expect(scopeRoots(resident, territory)).toEqual([]);
  });

  it('unknown ids are never in scope, not even for everything', () => {
    const everything: AccessScope = { kind: 'everything' };
    expect(scopeCoversArea(everything, territory, 'nowhere')).toBe(false);
    expect(scopeCoversHousehold(everything, territory, 'h-none')).toBe(false);
    expect(scopeCoversArea(district, territory, 'nowhere')).toBe(false);
  });

  it("a scope's roots leave out areas that lie below another area of the same scope", () => {
    const scope: AccessScope = { kind: 'areas', areaIds: ['gl-1-1', 'gl', 'cs-1'] };
    expect(scopeRoots(scope, territory).map((area) => area.id)).toEqual(['gl', 'cs-1']);
    expect(scopeRoots({ kind: 'everything' }, territory).map((area) => area.id)).toEqual(['fz']);
  });
});

describe('roles', () => {
  it('only supervisors and admins may reveal personal data', () => {
    expect(ROLES.filter((role) => roleAllows(role, 'personal.reveal'))).toEqual(['admin', 'supervisor']);
  });

  it('the commander and the wall may read counts and the area tree and nothing else', () => {
    for (const role of ['commander', 'wall'] as const) {
      expect(roleAllows(role, 'counts.read')).toBe(true);
      expect(roleAllows(role, 'households.read')).toBe(false);
      expect(roleAllows(role, 'events.write')).toBe(false);
    }
  });
});
