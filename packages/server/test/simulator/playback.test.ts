import { describe, expect, it } from 'vitest';
import type { SweepEvent } from '@gridsweep/core';
import { cityTerritory, ROOT_AREA_ID } from '../../src/city/index.js';
import { playMorning, runMorning, simulateMorning, type DeliveryBatch, type Speed } from '../../src/simulator/index.js';

const territory = cityTerritory({ seed: 7, scale: 'tiny' });
const morning = simulateMorning({ territory, round: { id: 'r1', areaId: ROOT_AREA_ID, startsAt: Date.UTC(2022, 10, 14) }, seed: 9 });

async function play(speed: Speed, signal?: AbortSignal): Promise<DeliveryBatch[]> {
  const batches: DeliveryBatch[] = [];
  for await (const batch of playMorning(morning, { speed, batchMs: 60_000, ...(signal ? { signal } : {}) })) batches.push(batch);
  return batches;
}

const flatten = (batches: readonly DeliveryBatch[]): SweepEvent[] => batches.flatMap((b) => b.events);

describe('playing a simulated morning', () => {
  it('as fast as possible releases every delivery once, in arrival order', async () => {
    const events = flatten(await play('max'));
    expect(events).toEqual(morning.deliveries.map((d) => d.event));
  });

  it('in batches of simulated time, each holding what arrived in its window', async () => {
    const batches = await play('max');
    let index = 0;
    let previousAt = -Infinity;
    for (const batch of batches) {
      expect(batch.at).toBeGreaterThan(previousAt);
      previousAt = batch.at;
      for (let i = 0; i < batch.events.length; i++) {
        const delivery = morning.deliveries[index++]!;
        expect(delivery.at).toBeLessThan(batch.at);
        expect(delivery.at).toBeGreaterThanOrEqual(batch.at - 60_000);
      }
    }
  });

  it('accelerated, waits on the clock yet releases the same events in the same order', async () => {
    // A tiny morning spans a few hours; a hundred-thousandfold it plays in well under a second.
    const accelerated = flatten(await play(100_000));
    expect(accelerated).toEqual(flatten(await play('max')));
  });

  it('in real time from a later moment, releases everything before that moment at once', async () => {
    const last = morning.deliveries.at(-1)!.at;
    const batches: DeliveryBatch[] = [];
    // Real time over a morning of hours: this returns only because nothing is due after `from`.
    for await (const batch of playMorning(morning, { speed: 1, batchMs: 60_000, from: last + 60_000 })) batches.push(batch);
    expect(flatten(batches)).toEqual(morning.deliveries.map((d) => d.event));
  });

  it('stops when its signal aborts', async () => {
    const controller = new AbortController();
    const taken: DeliveryBatch[] = [];
    await runMorning(morning, {
      speed: 'max',
      batchMs: 60_000,
      signal: controller.signal,
      sink: (batch) => {
        taken.push(batch);
        if (taken.length === 3) controller.abort();
      },
    });
    expect(taken).toHaveLength(3);
  });

  it('refuses a speed that is not positive', async () => {
    await expect(play(0)).rejects.toThrow(/speed/);
    await expect(play(-10)).rejects.toThrow(/speed/);
  });
});
