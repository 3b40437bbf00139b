import type { AreaCountsRow } from '../api/types.js';

/**
 * The sum over areas of one count, addressed by a dotted path such as
 * "households.visited"; null when no area reports it, so a tile can say "no
 * data" instead of a misleading zero.
 */
export function totalOf(rows: Iterable<AreaCountsRow>, path: string): number | null {
  const keys = path.split('.');
  let total: number | null = null;
  for (const row of rows) {
    let value: unknown = row.counts;
    for (const key of keys) value = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
    if (typeof value === 'number' && Number.isFinite(value)) total = (total ?? 0) + value;
  }
  return total;
}
