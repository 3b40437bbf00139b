import { leafLevel, type AccessScope, type Role, type ValidationIssue } from '@gridsweep/core';
import type { Roster } from '../../roster.js';

/** Which scope each role takes, and whether its ids exist. */
export function scopeIssues(role: Role, scope: AccessScope, roster: Roster): ValidationIssue[] {
  const { territory } = roster;
  const expected: Record<Role, AccessScope['kind'][]> = {
    admin: ['everything'],
    wall: ['everything'],
    commander: ['everything', 'areas'],
    supervisor: ['everything', 'areas'],
    worker: ['areas'],
    resident: ['household'],
  };
  if (!expected[role].includes(scope.kind)) {
    return [{ field: 'scope.kind', reason: `a ${role} takes a scope of kind ${expected[role].join(' or ')}` }];
  }
  if (scope.kind === 'household') {
    return territory.hasHousehold(scope.householdId) ? [] : [{ field: 'scope.householdId', reason: 'no household has this id' }];
  }
  if (scope.kind === 'everything') return [];
  const leaf = leafLevel(territory.levels).id;
  return scope.areaIds.flatMap((areaId, index): ValidationIssue[] => {
    const level = territory.areaLevel(areaId);
    if (level === undefined) return [{ field: `scope.areaIds.${index}`, reason: 'no area has this id' }];
    if (role === 'worker' && level !== leaf) return [{ field: `scope.areaIds.${index}`, reason: `a worker is assigned ${leaf} areas, this is a ${level}` }];
    return [];
  });
}
