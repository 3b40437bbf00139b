/**
 * A stamp is one Uint32 holding a field's last-writer-wins order key and its
 * value: the device time as a 24-bit tick in the high bits, option codes in the
 * low byte. See docs/decisions/0001-typed-array-engine-state.md for why the key
 * is a tick and not the full (device time, event id) pair.
 */

/** The width of one tick: events on the same field less than this apart are ordered by option, not by time. */
export const TICK_MS = 128;
/** The largest tick: 2^24 ticks of 128 ms cover 24.8 days. */
export const TICK_LIMIT = 0xffffff;
/** Ticks count from two days before the round opens, so slightly wrong device clocks still order correctly. */
export const TICK_LEAD_MS = 2 * 24 * 60 * 60 * 1000;

/** The time tick 0 stands for in a round that opens at `startsAt`. */
export function tickOrigin(startsAt: number): number {
  return startsAt - TICK_LEAD_MS;
}

/** The tick of a device time; times outside the round's 24.8-day window clamp to its ends. */
export function tickOf(deviceTime: number, origin: number): number {
  const tick = Math.floor((deviceTime - origin) / TICK_MS);
  if (tick < 0) return 0;
  return tick > TICK_LIMIT ? TICK_LIMIT : tick;
}

export function makeStamp(tick: number, codes: number): number {
  return tick * 256 + codes;
}

export function stampTick(stamp: number): number {
  return stamp >>> 8;
}

/** The option code (option index + 1, 0 = not recorded) in the low nibble. */
export function lowCode(stamp: number): number {
  return stamp & 15;
}

/** The option code in the high nibble of the low byte. */
export function highCode(stamp: number): number {
  return (stamp >>> 4) & 15;
}
