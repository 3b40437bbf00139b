import type { AreaCountsRow } from '../api/types.js';

/**
 * The sum over areas of one count, addressed by a dotted path such as
 * "households.visited"; null when no area reports it, so a tile can say "no
 * data" instead of a misleading zero.
 */
export function totalOf(rows: Iterable<AreaCountsRow>, path: string): number | null {
  let total: number | null = null;
  for (const row of rows) {
    const value = countAt(row.counts, path);
    if (value !== null) total = (total ?? 0) + value;
  }
  return total;
}

/** One count of an area by dotted path, or null when it is not a finite number. */
export function countAt(counts: unknown, path: string): number | null {
  let value = counts;
  for (const key of path.split('.')) value = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}
