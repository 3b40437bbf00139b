import type { SweepEvent } from '@gridsweep/core';
import { setTimeout as sleep } from 'node:timers/promises';
import type { SimulatedMorning } from './simulate-morning.js';

/** 1 is real time, 10 and 100 are accelerated; 'max' sends as fast as the consumer takes them. */
export type Speed = number | 'max';

/** The wall clock playback waits on; tests and the server pass the real one. */
export interface PlaybackClock {
  now(): number;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const WALL_CLOCK: PlaybackClock = {
  now: () => performance.now(),
  sleep: (ms, signal) => sleep(ms, undefined, signal ? { signal } : undefined),
};

export interface PlaybackOptions {
  readonly speed: Speed;
  /** Simulated milliseconds gathered into one batch (default 1 000: a batch per simulated second). */
  readonly batchMs?: number;
  readonly signal?: AbortSignal;
  readonly clock?: PlaybackClock;
  /**
   * Simulated time to begin at: what arrived before it is released at once,
   * so a live demo can open mid-morning with the map already part-swept.
   */
  readonly from?: number;
}

export interface DeliveryBatch {
  /** Simulated time the batch's window closes. */
  readonly at: number;
  /** Arrivals in arrival order; a duplicate appears as the same event again. */
  readonly events: readonly SweepEvent[];
}

export function speedProblem(speed: Speed): string | undefined {
  if (speed === 'max') return undefined;
  return Number.isFinite(speed) && speed > 0 ? undefined : 'speed must be a positive number or "max"';
}

/**
 * Releases a simulated morning in batches, each when its simulated moment
 * comes: after (moment - start) / speed of wall time, where start is the
 * morning's start or `from`. Stops early when the signal aborts.
 */
export async function* playMorning(morning: SimulatedMorning, options: PlaybackOptions): AsyncGenerator<DeliveryBatch> {
  const problem = speedProblem(options.speed);
  if (problem) throw new RangeError(problem);
  const batchMs = options.batchMs ?? 1000;
  if (!(batchMs > 0)) throw new RangeError('batchMs must be positive');
  const clock = options.clock ?? WALL_CLOCK;
  const began = clock.now();
  const origin = Math.max(morning.startsAt, options.from ?? morning.startsAt);
  const deliveries = morning.deliveries;
  let index = 0;
  while (index < deliveries.length) {
    if (options.signal?.aborted) return;
    const windowEnd = deliveries[index]!.at + batchMs;
    const events: SweepEvent[] = [];
    while (index < deliveries.length && deliveries[index]!.at < windowEnd) events.push(deliveries[index++]!.event);
    if (options.speed !== 'max') {
      const due = began + (windowEnd - origin) / options.speed;
      const wait = due - clock.now();
      if (wait > 0) {
        try {
          await clock.sleep(wait, options.signal);
        } catch (error) {
          if (options.signal?.aborted) return;
          throw error;
        }
      }
    }
    yield { at: windowEnd, events };
  }
}

/** Plays a morning into a sink, waiting for each batch to be taken before the next. */
export async function runMorning(
  morning: SimulatedMorning,
  options: PlaybackOptions & { readonly sink: (batch: DeliveryBatch) => void | Promise<void> },
): Promise<void> {
  for await (const batch of playMorning(morning, options)) await options.sink(batch);
}
