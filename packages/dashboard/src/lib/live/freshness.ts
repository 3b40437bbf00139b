export type Freshness = 'never' | 'fresh' | 'stale' | 'dead';

/** How old data may get before the wall says so; polling every 2 s makes 10 s three missed answers. */
export interface FreshnessLimits {
  readonly staleAfterMs: number;
  readonly deadAfterMs: number;
}

export const DEFAULT_FRESHNESS_LIMITS: FreshnessLimits = { staleAfterMs: 10_000, deadAfterMs: 60_000 };

export function freshnessOf(lastUpdateMs: number | null, nowMs: number, limits = DEFAULT_FRESHNESS_LIMITS): Freshness {
  if (lastUpdateMs === null) return 'never';
  const age = nowMs - lastUpdateMs;
  if (age >= limits.deadAfterMs) return 'dead';
  if (age >= limits.staleAfterMs) return 'stale';
  return 'fresh';
}
