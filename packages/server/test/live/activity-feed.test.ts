import { NUCLEIC_ACID_TEMPLATE, type SweepEvent } from '@gridsweep/core';
import { describe, expect, it } from 'vitest';
import { ActivityFeed } from '../../src/live/activity-feed.js';

const feed = () =>
  new ActivityFeed({
    householdArea: (householdId) => (householdId === 'h1' ? 'mg1' : undefined),
    templateOfRound: (roundId) => (roundId === 'r1' ? NUCLEIC_ACID_TEMPLATE : undefined),
  });

const event = (values: Record<string, string>, memberId?: string): SweepEvent => ({
  id: '0190a0e0-0000-7000-8000-000000000001',
  roundId: 'r1',
  householdId: 'h1',
  ...(memberId ? { memberId } : {}),
  workerId: 'w1',
  deviceTime: Date.UTC(2022, 10, 14, 8),
  values,
});

describe('the activity ticker', () => {
  it('names a member event by its status and the health code beside it, as the template names them', () => {
    const ticker = feed();
    ticker.note([event({ test: 'tested', code: 'green' }, 'm1')]);
    expect(ticker.take()[0]!.items.map((item) => item.label.zh)).toEqual(['已检测 · 绿码']);
  });

  it('names a member event that records only a health code by the code', () => {
    const ticker = feed();
    ticker.note([event({ code: 'red' }, 'm1')]);
    const [item] = ticker.take()[0]!.items;
    expect(item).toMatchObject({ outcome: 'red', label: { zh: '红码', en: 'Red code' } });
  });

  it('leaves out an event of a round it does not know or a household outside the tree, and copies no household or member id', () => {
    const ticker = feed();
    ticker.note([event({ outcome: 'visited' }), { ...event({ outcome: 'visited' }), roundId: 'r9' }, { ...event({ outcome: 'visited' }), householdId: 'h9' }]);
    const messages = ticker.take();
    expect(messages.flatMap((m) => m.items)).toHaveLength(1);
    expect(JSON.stringify(messages)).not.toMatch(/h1|m1/);
  });
});
