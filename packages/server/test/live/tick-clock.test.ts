import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startTickClock } from '../../src/live/tick-clock.js';

describe('startTickClock', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('ticks on a fixed grid from its start, however long each tick takes', () => {
    // The timers' clock plus the time the ticks so far have taken, 30 ms each, as under load.
    let spent = 0;
    const now = () => Date.now() + spent;
    const origin = now();
    const at: number[] = [];
    const stop = startTickClock(
      100,
      () => {
        at.push(now() - origin);
        spent += 30;
      },
      now,
    );
    vi.advanceTimersByTime(500);
    stop();
    expect(at).toEqual([100, 200, 300, 400, 500, 600, 700].slice(0, at.length));
    expect(at.length).toBeGreaterThanOrEqual(4);
  });

  it('skips the ticks a stall made it miss instead of firing them back to back', () => {
    let spent = 0;
    const now = () => Date.now() + spent;
    const origin = now();
    const at: number[] = [];
    const stop = startTickClock(
      100,
      () => {
        at.push(now() - origin);
        if (at.length === 1) spent += 250;
      },
      now,
    );
    vi.advanceTimersByTime(300);
    stop();
    expect(at.slice(0, 2)).toEqual([100, 400]);
  });

  it('stops ticking once stopped, even from inside a tick', () => {
    let ticks = 0;
    const stop = startTickClock(100, () => {
      ticks++;
      if (ticks === 2) stop();
    });
    vi.advanceTimersByTime(1_000);
    expect(ticks).toBe(2);
  });
});
