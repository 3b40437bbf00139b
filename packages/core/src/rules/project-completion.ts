import { NUCLEIC_ACID_RULES, type CountingRules } from './counting-rules.js';

/** How many households of an area were visited at a moment (ms since the epoch). */
export interface CoverageSample {
  readonly at: number;
  readonly visited: number;
}

export interface CompletionProjection {
  /** When coverage reaches 100 % at the recent rate; null when it will not (no progress) or cannot be told. */
  readonly at: number | null;
  readonly reason: 'complete' | 'projected' | 'no-progress' | 'too-few-samples';
  /** Households visited per hour over the window. */
  readonly ratePerHour: number;
  readonly remaining: number;
  /** The samples the rate was taken from. */
  readonly window: { readonly from: number; readonly to: number; readonly samples: number };
}

const HOUR = 3600_000;

/**
 * When an area will be fully covered if it keeps its recent pace: the rate is
 * the change in visited households over the rules' trailing window (samples
 * in time order), and the remaining households are those to visit but not yet
 * visited.
 */
export function projectCompletion(samples: readonly CoverageSample[], toVisit: number, now: number, rules: Pick<CountingRules, 'projectionWindowMs'> = NUCLEIC_ACID_RULES): CompletionProjection {
  const recent = samples.filter((s) => s.at >= now - rules.projectionWindowMs && s.at <= now);
  const last = recent[recent.length - 1] ?? samples[samples.length - 1];
  const remaining = Math.max(0, toVisit - (last?.visited ?? 0));
  const first = recent[0];
  const window = { from: first?.at ?? now, to: last?.at ?? now, samples: recent.length };
  if (last !== undefined && remaining === 0) return { at: last.at, reason: 'complete', ratePerHour: 0, remaining, window };
  if (first === undefined || last === undefined || recent.length < 2 || last.at === first.at) {
    return { at: null, reason: 'too-few-samples', ratePerHour: 0, remaining, window };
  }
  const perMs = (last.visited - first.visited) / (last.at - first.at);
  if (perMs <= 0) return { at: null, reason: 'no-progress', ratePerHour: 0, remaining, window };
  return { at: Math.round(last.at + remaining / perMs), reason: 'projected', ratePerHour: perMs * HOUR, remaining, window };
}
