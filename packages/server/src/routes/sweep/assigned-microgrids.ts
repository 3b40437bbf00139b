import { leafLevel, scopeCoversArea, type AccessScope, type Area } from '@gridsweep/core';
import type { RosterTerritory } from '../../roster-territory.js';

/**
 * The micro-grids (the deepest level) a scope covers inside `withinId`, the
 * round's area: a worker's own, a supervisor's every one below their areas.
 * Walks down from the round's area, so a scope wider than the round lists only the round's part.
 */
export function assignedMicrogrids(territory: RosterTerritory, scope: AccessScope, withinId: string): Area[] {
  const leaf = leafLevel(territory.levels).id;
  const start = territory.area(withinId);
  if (!start) return [];
  const found: Area[] = [];
  const queue: Area[] = [start];
  for (let i = 0; i < queue.length; i++) {
    const area = queue[i]!;
    if (area.level === leaf) {
      if (scopeCoversArea(scope, territory, area.id)) found.push(area);
    } else {
      queue.push(...territory.children(area.id));
    }
  }
  return found;
}
