import type { Account, RoundSummary } from '../api/types.js';
import type { ViewStep } from './view-trail.js';

// Where a page's view starts before anyone clicks: the latest round, at the
// top of the territory the account may see.

/**
 * The top of the view when nothing is drilled into: the round's area, unless
 * the account covers only part of the territory and that area is not one of
 * its roots; then the account's first root (the server refuses to stream
 * counts of areas out of scope).
 */
export function startingArea(round: RoundSummary | null, account: Account | null, home: ViewStep | null): string | null {
  if (!round) return null;
  // The wall's configured area (GRIDSWEEP_WALL_AREA) is its top, whatever the round's.
  if (account?.wall?.areaId !== undefined) return account.wall.areaId;
  if (!home || account?.rootAreaIds.includes(round.areaId)) return round.areaId;
  return home.id;
}

/**
 * The round a view follows before anyone chooses: the one that started last.
 * For an account of the whole territory (the wall, an administrator) only a
 * round over a top-level area counts: a supervisor's round over their own
 * community, however late it starts, never becomes the city wall's round.
 * A wall configured on the server follows exactly its round
 * (GRIDSWEEP_WALL_ROUND), none while that one is not listed; configured on an
 * area alone (GRIDSWEEP_WALL_AREA), the latest round over that area or over
 * a top-level one.
 */
export function latestRound(
  rounds: readonly RoundSummary[],
  account: Pick<Account, 'scope' | 'rootAreaIds' | 'wall'> | null = null,
): RoundSummary | undefined {
  const wall = account?.wall;
  const candidates =
    wall?.roundId !== undefined
      ? rounds.filter((round) => round.id === wall.roundId)
      : account?.scope.kind === 'everything'
        ? rounds.filter((round) => account.rootAreaIds.includes(round.areaId) || round.areaId === wall?.areaId)
        : rounds;
  return candidates.reduce<RoundSummary | undefined>((latest, round) => (!latest || round.startsAt > latest.startsAt ? round : latest), undefined);
}
