/** One count of an area by dotted path, or null when it is not a finite number. */
export function countAt(counts: unknown, path: string): number | null {
  let value = counts;
  for (const key of path.split('.')) value = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}
