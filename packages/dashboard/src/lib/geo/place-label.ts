import type { AreaProperties } from '../api/types.js';

/**
 * The names to show beside an area's own so a list tells namesakes apart:
 * its nearest ancestors, outermost first (安江社区 第2网格 for a 2-2微网格),
 * stopping at the area the view is in, whose name the page already shows.
 */
export function placeLabel(area: Pick<AreaProperties, 'ancestry'>, viewRootId: string | null): string | null {
  const shown: string[] = [];
  for (const ancestor of area.ancestry) {
    if (ancestor.id === viewRootId) break;
    shown.unshift(ancestor.name);
  }
  return shown.length > 0 ? shown.join(' ') : null;
}
