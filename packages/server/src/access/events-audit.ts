import type { ItemResult } from '../ingest/event-ingest.js';

/** What an audit entry of an event batch says: how many of what, for which rounds; never the values. */
export function eventsAuditDetail(inputs: readonly unknown[], results: readonly ItemResult[]): Record<string, unknown> {
  const tally = { accepted: 0, duplicate: 0, rejected: 0 };
  for (const result of results) tally[result.status]++;
  const roundIds = new Set<string>();
  for (const input of inputs) {
    const roundId = (input as { roundId?: unknown } | null)?.roundId;
    if (typeof roundId === 'string' && roundId.length <= 64) roundIds.add(roundId);
  }
  return { ...tally, roundIds: [...roundIds].slice(0, 20) };
}
