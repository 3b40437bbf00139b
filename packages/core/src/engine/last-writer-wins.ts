import { makeStamp, stampTick } from './stamp.js';

/**
 * Last writer wins per field, by tick and then by option code: the larger
 * (tick, code) pair is kept. Taking a maximum is commutative, associative and
 * idempotent, which is all that convergence and safe retries need.
 */
function wins(tick: number, code: number, oldTick: number, oldCode: number): boolean {
  return oldCode === 0 || tick > oldTick || (tick === oldTick && code > oldCode);
}

/** The stamp of a one-field record (a household's outcome) after an observation; `old` when it loses. */
export function mergeSingle(old: number, tick: number, code: number): number {
  if (code === 0 || !wins(tick, code, stampTick(old), old & 15)) return old;
  return makeStamp(tick, code);
}

/**
 * The stamp of a member (status in the low nibble, marker in the high one)
 * after an observation of either or both, or -1 when nothing changes. The
 * stamp's tick is the status's when a status is recorded, else the marker's;
 * a marker tick that differs from the status tick lives in `markerTicks`.
 */
export function mergeMember(
  old: number,
  markerTicks: Map<number, number>,
  key: number,
  tick: number,
  statusCode: number,
  markerCode: number,
): number {
  const oldStatus = old & 15;
  const oldMarker = (old >>> 4) & 15;
  const oldTick = stampTick(old);
  const oldMarkerTick = markerTicks.size === 0 ? oldTick : (markerTicks.get(key) ?? oldTick);
  let status = oldStatus;
  let statusTick = oldTick;
  let marker = oldMarker;
  let markerTick = oldMarkerTick;
  let changed = false;
  if (statusCode !== 0 && wins(tick, statusCode, oldTick, oldStatus) && (tick !== oldTick || statusCode !== oldStatus)) {
    status = statusCode;
    statusTick = tick;
    changed = true;
  }
  if (markerCode !== 0 && wins(tick, markerCode, oldMarkerTick, oldMarker) && (tick !== oldMarkerTick || markerCode !== oldMarker)) {
    marker = markerCode;
    markerTick = tick;
    changed = true;
  }
  if (!changed) return -1;
  if (status === 0) {
    // Only a marker is recorded: its tick is the stamp's tick.
    statusTick = markerTick;
  }
  if (status !== 0 && marker !== 0 && markerTick !== statusTick) markerTicks.set(key, markerTick);
  else if (markerTicks.size !== 0) markerTicks.delete(key);
  return makeStamp(statusTick, (marker << 4) | status);
}
