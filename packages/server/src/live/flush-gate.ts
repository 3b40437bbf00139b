/**
 * How many bytes, to all subscribers together, one millisecond of the gate's
 * period pays for: 100 kB/ms is 0.8 Gbit/s, most of a server's gigabit uplink.
 * A delta to a thousand walls is a thousand copies of it, on the wire and in
 * a thousand parsers; sending it more often than this lets the walls fall
 * behind (and, on one machine, the server's neighbours starve) however cheap
 * the send was for the event loop.
 */
export const DEFAULT_BYTES_PER_MS = 100_000;

export interface FlushGateOptions {
  /** The longest spacing of sends, which a change waits at most: the stream's tick. */
  readonly maxPeriodMs: number;
  /** The shortest spacing of sends under a steady stream of changes. */
  readonly minPeriodMs?: number;
  /** How many bytes a millisecond of spacing pays for (see DEFAULT_BYTES_PER_MS). */
  readonly bytesPerMs?: number;
  /** The clock (tests pass their own). */
  readonly now?: () => number;
}

/**
 * When the live stream sends. The first change after a quiet spell goes out
 * at once, so a lone door reaches the walls without waiting for a tick. While
 * changes keep coming, sends are spaced by a period that follows their cost,
 * between `minPeriodMs` and `maxPeriodMs`: a few times what the last send took
 * the event loop, and at least the time its bytes take at `bytesPerMs` (the
 * flush returns how many it handed out). A cheap stream stays close to real
 * time; a thousand walls coalesce more, so neither the event loop nor the
 * uplink and the walls are given over to sending.
 */
export class FlushGate {
  private last = -Infinity;
  private period: number;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private immediate: ReturnType<typeof setImmediate> | undefined;
  private stopped = false;
  private readonly maxPeriodMs: number;
  private readonly minPeriodMs: number;
  private readonly bytesPerMs: number;
  private readonly now: () => number;

  constructor(
    private readonly flush: () => number | void,
    options: FlushGateOptions,
  ) {
    this.maxPeriodMs = options.maxPeriodMs;
    this.minPeriodMs = options.minPeriodMs ?? Math.min(10, options.maxPeriodMs);
    this.bytesPerMs = options.bytesPerMs ?? DEFAULT_BYTES_PER_MS;
    this.now = options.now ?? (() => performance.now());
    this.period = this.minPeriodMs;
  }

  /** A change is waiting to be sent. */
  request(): void {
    if (this.stopped || this.timer !== undefined || this.immediate !== undefined) return;
    const wait = this.last + this.period - this.now();
    // After the current turn of the event loop, so every listener of the same commit has noted its change.
    if (wait <= 0) this.immediate = setImmediate(this.run);
    else {
      this.timer = setTimeout(this.run, wait);
      this.timer.unref?.();
    }
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    if (this.immediate !== undefined) clearImmediate(this.immediate);
  }

  private readonly run = (): void => {
    this.timer = undefined;
    this.immediate = undefined;
    if (this.stopped) return;
    const started = this.now();
    const bytes = this.flush() ?? 0;
    this.last = this.now();
    const cost = Math.max(4 * (this.last - started), bytes / this.bytesPerMs);
    this.period = Math.min(this.maxPeriodMs, Math.max(this.minPeriodMs, cost));
  };
}
