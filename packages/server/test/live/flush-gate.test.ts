import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FlushGate } from '../../src/live/flush-gate.js';

describe('FlushGate', () => {
  let clock = 0;
  beforeEach(() => {
    vi.useFakeTimers();
    clock = 0;
  });
  afterEach(() => vi.useRealTimers());

  /** A gate whose sends each take `cost` of the test's clock. */
  function gate(cost: number, maxPeriodMs = 100, bytes = 0) {
    const sent: number[] = [];
    const g = new FlushGate(
      () => {
        sent.push(clock);
        clock += cost;
        return bytes;
      },
      { maxPeriodMs, minPeriodMs: 10, bytesPerMs: 100_000, now: () => clock },
    );
    return { g, sent };
  }
  const advance = async (ms: number) => {
    clock += ms;
    await vi.advanceTimersByTimeAsync(ms);
  };

  it('sends a change that follows a quiet spell at once, without waiting for a period', async () => {
    const { g, sent } = gate(1);
    g.request();
    await vi.advanceTimersByTimeAsync(0);
    expect(sent).toEqual([0]);
  });

  it('joins the changes that come while a send is pending into one send', async () => {
    const { g, sent } = gate(1);
    g.request();
    await vi.advanceTimersByTimeAsync(0);
    for (let i = 0; i < 5; i++) g.request();
    await advance(20);
    expect(sent).toHaveLength(2);
  });

  /** Requests every 5 ms for 200 ms; the times of the sends. */
  async function busy(cost: number, bytes = 0): Promise<number[]> {
    clock = 0;
    const { g, sent } = gate(cost, 100, bytes);
    for (let step = 0; step < 40; step++) {
      g.request();
      await advance(5);
    }
    g.stop();
    return sent;
  }

  it('spaces sends further apart when each costs more, never further than the longest period', async () => {
    const cheap = await busy(1);
    const dear = await busy(40);
    expect(cheap.length).toBeGreaterThan(dear.length);
    // From the end of one send (it takes 40) to the start of the next.
    const gaps = dear.slice(1).map((at, i) => at - dear[i]! - 40);
    expect(Math.max(...gaps)).toBeLessThanOrEqual(100 + 5);
  });

  it('spaces cheap sends by the time their bytes take at the budget, so a thousand walls get fewer, larger deltas', async () => {
    const few = await busy(1, 100_000);
    const many = await busy(1, 5_000_000);
    // 100 kB pays for 1 ms, under the 10 ms floor; 5 MB (a thousand walls, 5 kB each) for 50 ms.
    const gaps = (sent: number[]) => sent.slice(1).map((at, i) => at - sent[i]!);
    expect(Math.min(...gaps(few))).toBeLessThan(20);
    expect(Math.min(...gaps(many))).toBeGreaterThanOrEqual(50);
    expect(many.length).toBeLessThan(few.length);
  });

  it('sends nothing once stopped', async () => {
    const { g, sent } = gate(1);
    g.stop();
    g.request();
    await advance(200);
    expect(sent).toEqual([]);
  });
});
