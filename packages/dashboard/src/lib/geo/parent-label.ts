import type { AreaProperties } from '../api/types.js';

/**
 * The name to show beside an area's own so a list tells namesakes apart
 * (every community has a "2-2微网格"): its parent's name, except when the
 * parent is the area the view is in, whose name the page already shows.
 */
export function parentLabel(area: Pick<AreaProperties, 'parentId' | 'parentName'>, viewRootId: string | null): string | null {
  if (area.parentId === null || area.parentId === viewRootId) return null;
  return area.parentName ?? null;
}
