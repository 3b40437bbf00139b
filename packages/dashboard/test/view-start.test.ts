import { describe, expect, it } from 'vitest';
import type { Account, RoundSummary } from '../src/lib/api/types.js';
import { latestRound, startingArea } from '../src/lib/live/view-start.js';

const round = (id: string, areaId: string, day: number): RoundSummary => ({
  id,
  name: id,
  templateId: 'nucleic-acid',
  templateVersion: 1,
  rulesId: 'nucleic-acid-default',
  rulesVersion: 1,
  areaId,
  startsAt: Date.UTC(2022, 10, day),
});

const CITY_ROUND = round('city-14', 'c', 14);
const LATER_CITY_ROUND = round('city-16', 'c', 16);
const COMMUNITY_ROUND = round('community-17', 'cm', 17);
const DISTRICT_ROUND = round('district-15', 'd', 15);
const ROUNDS = [CITY_ROUND, DISTRICT_ROUND, LATER_CITY_ROUND, COMMUNITY_ROUND];

const wall = (view?: Account['wall']): Account => ({
  id: 'wall',
  username: 'wall',
  role: 'wall',
  scope: { kind: 'everything' },
  rootAreaIds: ['c'],
  ...(view ? { wall: view } : {}),
});

describe("the round and area a view starts on", () => {
  it('follows, on a wall without configuration, the latest round over a top-level area, never a later one over a community', () => {
    expect(latestRound(ROUNDS, wall())?.id).toBe('city-16');
  });

  it("follows the wall's configured round even though other rounds started later", () => {
    expect(latestRound(ROUNDS, wall({ roundId: 'city-14' }))?.id).toBe('city-14');
  });

  it("follows no round while the configured one is not listed (not opened yet, or archived), rather than another", () => {
    expect(latestRound([LATER_CITY_ROUND, COMMUNITY_ROUND], wall({ roundId: 'city-14' }))).toBeUndefined();
  });

  it('with only an area configured, follows the latest round over that area or over a top-level one', () => {
    expect(latestRound(ROUNDS, wall({ areaId: 'd' }))?.id).toBe('city-16');
    expect(latestRound([CITY_ROUND, DISTRICT_ROUND], wall({ areaId: 'd' }))?.id).toBe('district-15');
  });

  it("starts the map at the wall's configured area, whatever the round's area", () => {
    expect(startingArea(CITY_ROUND, wall({ areaId: 'd' }), null)).toBe('d');
    expect(startingArea(CITY_ROUND, wall(), null)).toBe('c');
  });
});
