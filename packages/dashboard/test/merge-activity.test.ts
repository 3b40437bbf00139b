import type { ActivityItemV1 } from '@gridsweep/core';
import { describe, expect, it } from 'vitest';
import { mergeActivity } from '../src/lib/live/merge-activity.js';

const item = (minute: number, areaId = 'mg-1'): ActivityItemV1 => ({ areaId, committedAt: minute * 60_000, deviceTime: minute * 60_000 - 5, outcome: 'visited', label: { zh: '已入户', en: 'Visited' } });
const minutes = (items: readonly ActivityItemV1[]) => items.map((entry) => entry.committedAt / 60_000);

describe('mergeActivity', () => {
  it('does not repeat the doors a reconnecting page already shows when the server sends its latest again', () => {
    const shown = mergeActivity([], [item(1), item(2)], 12);
    expect(minutes(mergeActivity(shown, [item(1), item(2), item(3, 'mg-2')], 12))).toEqual([3, 2, 1]);
  });

  it('keeps two different doors knocked at the same moment', () => {
    expect(mergeActivity([item(1, 'mg-1')], [item(1, 'mg-2')], 12)).toHaveLength(2);
  });

  it('keeps only the newest doors, newest first, however many arrive', () => {
    const merged = mergeActivity([], Array.from({ length: 30 }, (_, minute) => item(minute)), 12);
    expect(merged).toHaveLength(12);
    expect(minutes(merged).slice(0, 2)).toEqual([29, 28]);
  });
});
