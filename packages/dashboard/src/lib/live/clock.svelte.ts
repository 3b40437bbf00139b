/** The current time, ticking once a second while started; one timer however many readers. */
export class Clock {
  now = $state(Date.now());
  private timer: ReturnType<typeof setInterval> | null = null;

  start(): void {
    this.stop();
    this.timer = setInterval(() => (this.now = Date.now()), 1_000);
  }

  stop(): void {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
  }
}
