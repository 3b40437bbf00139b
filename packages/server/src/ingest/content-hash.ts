import type { SweepEvent } from '@gridsweep/core';
import { createHash } from 'node:crypto';

/**
 * The event as one canonical string (fixed key order, values sorted by field),
 * so that the same observation resent with its keys in another order hashes
 * the same, and any real difference does not.
 */
export function canonicalEventJson(event: SweepEvent): string {
  const values = Object.keys(event.values)
    .sort()
    .map((key) => [key, event.values[key]]);
  return JSON.stringify([
    event.id,
    event.deviceTime,
    event.roundId,
    event.workerId,
    event.householdId,
    event.memberId ?? null,
    values,
  ]);
}

export function eventContentHash(event: SweepEvent): string {
  return createHash('sha256').update(canonicalEventJson(event)).digest('base64url');
}
