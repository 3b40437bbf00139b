import type { Static } from 'typebox';
import type { RevealRateSchema, RevealRatesSchema } from '@gridsweep/contract';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

type RevealRate = Static<typeof RevealRateSchema>;
type RevealRates = Static<typeof RevealRatesSchema>;

/** Share of the limit's allowance past which a user's reveals are flagged: close to being stopped is already unusual. */
export const NEAR_LIMIT_SHARE = 0.75;
/** How many times the median a user must reveal, and at least how many, to stand out from colleagues. */
export const MEDIAN_FACTOR = 5;
export const MEDIAN_FLOOR = 10;

/** The per-user reveal limit: `perWindow` reveals in any `windowMinutes` (0: off). */
export interface RevealLimitSetting {
  readonly perWindow: number;
  readonly windowMinutes: number;
}

interface Tally {
  actorId: string;
  actorRole: string;
  reveals: number;
  refused: number;
  members: Set<string>;
  purposes: Record<string, number>;
  lastAt: Date;
}

function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** The purpose a reveal's audited reason starts with (`home_visit: …`). */
const purposeOf = (reason: string | null): string => (reason?.includes(':') ? reason.slice(0, reason.indexOf(':')) : 'unknown');

/**
 * Each user's reveals over the last `minutes`, read from the audit log, with
 * the rule that flags the unusual ones (see the operation's description): a
 * user close to the limit, far above colleagues, or already stopped by it.
 */
export async function revealRates(db: Kysely<Database>, limit: RevealLimitSetting, minutes: number, now = new Date()): Promise<RevealRates> {
  const since = new Date(now.getTime() - minutes * 60_000);
  const rows = await db
    .selectFrom('audit_log')
    .select(['actor_id', 'actor_role', 'action', 'target', 'reason', 'at'])
    .where('action', 'in', ['member.reveal', 'member.reveal-refused'])
    .where('at', '>=', since)
    .execute();
  const tallies = new Map<string, Tally>();
  for (const row of rows) {
    let tally = tallies.get(row.actor_id);
    if (!tally) {
      tally = { actorId: row.actor_id, actorRole: row.actor_role, reveals: 0, refused: 0, members: new Set(), purposes: {}, lastAt: row.at };
      tallies.set(row.actor_id, tally);
    }
    if (row.action === 'member.reveal') {
      tally.reveals++;
      tally.members.add(row.target);
    } else tally.refused++;
    const purpose = purposeOf(row.reason);
    tally.purposes[purpose] = (tally.purposes[purpose] ?? 0) + 1;
    if (row.at > tally.lastAt) tally.lastAt = row.at;
  }
  const allowance = limit.perWindow > 0 ? (limit.perWindow * minutes) / limit.windowMinutes : null;
  const medianReveals = median([...tallies.values()].filter((t) => t.reveals > 0).map((t) => t.reveals));
  const users = [...tallies.values()].map((tally): RevealRate => {
    const why: RevealRate['why'] = [];
    if (allowance !== null && tally.reveals > NEAR_LIMIT_SHARE * allowance) why.push('near-limit');
    if (tally.reveals >= MEDIAN_FLOOR && tally.reveals >= MEDIAN_FACTOR * medianReveals) why.push('far-above-median');
    if (tally.refused > 0) why.push('refused');
    return {
      actorId: tally.actorId,
      actorRole: tally.actorRole,
      reveals: tally.reveals,
      distinctMembers: tally.members.size,
      refused: tally.refused,
      purposes: tally.purposes,
      lastAt: tally.lastAt.toISOString(),
      unusual: why.length > 0,
      why,
    };
  });
  users.sort((a, b) => Number(b.unusual) - Number(a.unusual) || b.reveals - a.reveals || a.actorId.localeCompare(b.actorId));
  return { windowMinutes: minutes, since: since.toISOString(), allowance, medianReveals, users };
}
