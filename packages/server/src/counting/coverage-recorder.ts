import type { ProgressSampleSchema } from '@gridsweep/contract';
import type { Static } from 'typebox';

/** A round's progress at one moment: counts only, never a name, a room or a household id. */
export type ProgressSample = Static<typeof ProgressSampleSchema>;

/** What the recorder reads: the rounds there are, and the counts of a round's own area now. */
export interface ProgressSource {
  roundIds(): readonly string[];
  progress(roundId: string): Omit<ProgressSample, 'at'> | undefined;
}

/** 24 hours at the default sampling period of 30 s. */
export const DEFAULT_KEPT_SAMPLES = 2880;

/**
 * How each round went over time, for a wall opened in the middle of the
 * morning: the counts of every round's area, sampled by whoever calls
 * `sample` (a timer in the server, a test directly). In memory only and
 * bounded per round, oldest dropped first; a restart starts it afresh.
 */
export class CoverageRecorder {
  private readonly byRound = new Map<string, ProgressSample[]>();

  constructor(
    private readonly source: ProgressSource,
    private readonly keptSamples: number = DEFAULT_KEPT_SAMPLES,
    private readonly now: () => number = Date.now,
  ) {
    if (!Number.isInteger(keptSamples) || keptSamples < 1) throw new RangeError(`keptSamples must be a whole number ≥ 1, got ${keptSamples}`);
  }

  /** Notes the counts of every round at this moment. */
  sample(): void {
    const at = this.now();
    for (const roundId of this.source.roundIds()) {
      const progress = this.source.progress(roundId);
      if (!progress) continue;
      let samples = this.byRound.get(roundId);
      if (!samples) this.byRound.set(roundId, (samples = []));
      const last = samples.at(-1);
      // A clock stepped back (or two samples in one ms) replaces the last sample rather than breaking time order.
      if (last && at <= last.at) samples[samples.length - 1] = { ...progress, at: last.at };
      else samples.push({ at, ...progress });
      if (samples.length > this.keptSamples) samples.splice(0, samples.length - this.keptSamples);
    }
  }

  /** The round's samples, oldest first; empty for a round not sampled yet. */
  history(roundId: string): readonly ProgressSample[] {
    return this.byRound.get(roundId) ?? [];
  }
}
