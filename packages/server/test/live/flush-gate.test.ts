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
  function gate(cost: number, maxPeriod = 100) {
    const sent: number[] = [];
    const g = new FlushGate(() => {
      sent.push(clock);
      clock += cost;
    }, maxPeriod, 10, () => clock);
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
  async function busy(cost: number): Promise<number[]> {
    clock = 0;
    const { g, sent } = gate(cost);
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

  it('sends nothing once stopped', async () => {
    const { g, sent } = gate(1);
    g.stop();
    g.request();
    await advance(200);
    expect(sent).toEqual([]);
  });
});
