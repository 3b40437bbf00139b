/**
 * When the live stream sends. The first change after a quiet spell goes out
 * at once, so a lone door reaches the walls without waiting for a tick. While
 * changes keep coming, sends are spaced by a period that follows their cost:
 * a few times what the last send took, between `minPeriodMs` and
 * `maxPeriodMs` — a cheap stream stays close to real time, an expensive one
 * (a thousand walls) coalesces more, so the event loop is never given over to
 * sending. `now` is the clock (tests pass their own).
 */
export class FlushGate {
  private last = -Infinity;
  private period: number;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private immediate: ReturnType<typeof setImmediate> | undefined;
  private stopped = false;

  constructor(
    private readonly flush: () => void,
    private readonly maxPeriodMs: number,
    private readonly minPeriodMs = Math.min(10, maxPeriodMs),
    private readonly now: () => number = () => performance.now(),
  ) {
    this.period = minPeriodMs;
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
    this.flush();
    this.last = this.now();
    this.period = Math.min(this.maxPeriodMs, Math.max(this.minPeriodMs, 4 * (this.last - started)));
  };
}
