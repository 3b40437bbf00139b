import type { CountsDeltaV3 } from '@gridsweep/core';

/** Characters of `n` written as JSON, for the small integers counts are. */
function digits(n: number): number {
  let size = n < 0 ? 2 : 1;
  for (let rest = Math.abs(n); rest >= 10; rest = Math.floor(rest / 10)) size++;
  return size;
}

/**
 * About how many bytes a delta takes on the wire, worked out from its lists
 * instead of by encoding it a second time (socket.io encodes it once for all
 * its recipients). It is what the stream weighs a send by: a delta costs every
 * wall that takes it its bytes, on the server's uplink and in the wall's parser.
 */
export function deltaBytes(message: CountsDeltaV3): number {
  const { areaIds, markerIds, specialGroupIds, values } = message.counts;
  let size = 160 + message.subscriptionId.length + message.streamId.length;
  for (const ids of [areaIds, markerIds, specialGroupIds]) for (const id of ids) size += id.length + 3;
  for (const value of values) size += digits(value) + 1;
  return size;
}
