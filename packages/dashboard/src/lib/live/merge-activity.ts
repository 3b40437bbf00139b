import type { ActivityItemV1 } from '@gridsweep/core';

/**
 * The ticker after a message: newest first, at most `limit`. On joining, the
 * server sends the round's latest doors, some of which a reconnecting page
 * already shows; those are not shown twice.
 */
export function mergeActivity(shown: readonly ActivityItemV1[], incoming: readonly ActivityItemV1[], limit: number): ActivityItemV1[] {
  const known = new Set(shown.map(itemKey));
  const fresh = incoming.filter((item) => !known.has(itemKey(item)));
  return [...fresh, ...shown].sort((a, b) => b.committedAt - a.committedAt).slice(0, limit);
}

function itemKey(item: ActivityItemV1): string {
  return `${item.committedAt}|${item.deviceTime}|${item.areaId}|${item.outcome}`;
}
