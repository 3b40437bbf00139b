import { describe, expect, it } from 'vitest';
import type { RoundSummary } from '../src/lib/api/types.js';
import { latestRound } from '../src/lib/live/view-start.js';

const round = (id: string, areaId: string, startsAt: number) => ({ id, areaId, startsAt }) as RoundSummary;
const CITY_ROUND = round('city-morning', 'city', 1_000);
// A supervisor opened a round over their own community, starting later.
const COMMUNITY_ROUND = round('my-community', 'c-17', 5_000);

describe('latestRound', () => {
  it("never makes a sub-area's round the wall's, however late it starts", () => {
    const wall = { scope: { kind: 'everything' as const }, rootAreaIds: ['city'] };
    expect(latestRound([CITY_ROUND, COMMUNITY_ROUND], wall)?.id).toBe('city-morning');
    expect(latestRound([COMMUNITY_ROUND], wall)).toBeUndefined();
  });

  it('follows the latest round it can see for an account of part of the territory', () => {
    const supervisor = { scope: { kind: 'areas' as const, areaIds: ['c-17'] }, rootAreaIds: ['c-17'] };
    expect(latestRound([CITY_ROUND, COMMUNITY_ROUND], supervisor)?.id).toBe('my-community');
  });

  it('takes the latest of all before the account is known', () => {
    expect(latestRound([CITY_ROUND, COMMUNITY_ROUND])?.id).toBe('my-community');
  });
});
