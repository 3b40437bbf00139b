/**
 * When the live stream sends: at once for the first change after a quiet
 * period, so a lone door reaches the walls without waiting for a tick; then
 * at most once a period while changes keep coming, so a busy morning still
 * costs one delta per period, however many commits it holds. `now` is the
 * clock (tests pass their own).
 */
export class FlushGate {
  private last = -Infinity;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private immediate: ReturnType<typeof setImmediate> | undefined;
  private stopped = false;

  constructor(
    private readonly periodMs: number,
    private readonly flush: () => void,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** A change is waiting to be sent. */
  request(): void {
    if (this.stopped || this.timer !== undefined || this.immediate !== undefined) return;
    const wait = this.last + this.periodMs - this.now();
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
    this.last = this.now();
    this.flush();
  };
}
