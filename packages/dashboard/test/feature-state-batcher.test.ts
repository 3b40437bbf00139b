import { describe, expect, it } from 'vitest';
import { FeatureStateBatcher } from '../src/lib/map/feature-state-batcher.js';

function frames() {
  const queued: (() => void)[] = [];
  return {
    schedule: (callback: () => void) => queued.push(callback),
    get queued() {
      return queued.length;
    },
    runNext: () => queued.shift()?.(),
  };
}

describe('FeatureStateBatcher', () => {
  it('hands a burst of changes over in one frame, keeping the last value of each feature', () => {
    const frame = frames();
    const applied: [string, string][][] = [];
    const batcher = new FeatureStateBatcher<string>((changes) => applied.push([...changes]), frame.schedule);
    batcher.set('a', 'red');
    batcher.set('b', 'green');
    batcher.set('a', 'yellow');
    expect(frame.queued).toBe(1);
    expect(applied).toEqual([]);
    frame.runNext();
    expect(applied).toEqual([
      [
        ['a', 'yellow'],
        ['b', 'green'],
      ],
    ]);
  });

  it('asks for a new frame for changes that arrive after a flush', () => {
    const frame = frames();
    const applied: number[] = [];
    const batcher = new FeatureStateBatcher<string>((changes) => applied.push(changes.size), frame.schedule);
    batcher.set('a', 'red');
    frame.runNext();
    batcher.set('b', 'red');
    expect(frame.queued).toBe(1);
    frame.runNext();
    expect(applied).toEqual([1, 1]);
  });

  it('drops pending changes on clear, so a new view never gets the old view colours', () => {
    const frame = frames();
    const applied: number[] = [];
    const batcher = new FeatureStateBatcher<string>((changes) => applied.push(changes.size), frame.schedule);
    batcher.set('a', 'red');
    batcher.clear();
    frame.runNext();
    expect(applied).toEqual([]);
    expect(batcher.size).toBe(0);
  });
});
