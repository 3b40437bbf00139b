/**
 * Fetches a value now and again every `intervalMs` after each answer, until
 * stopped: one request in flight at most, so a slow server gets fewer
 * requests, never a pile of them. Counts come over the socket; this is for
 * the rare things the socket does not carry, such as the list of rounds.
 */
export class Poller<T> {
  value = $state.raw<T | null>(null);
  updatedAt = $state<number | null>(null);
  error = $state<string | null>(null);

  private timer: ReturnType<typeof setTimeout> | null = null;
  private controller: AbortController | null = null;

  constructor(
    /** Resolves undefined when there is nothing to show yet, which is not an update. */
    private readonly load: (signal: AbortSignal) => Promise<T | undefined>,
    private readonly intervalMs = 2_000,
  ) {}

  start(): void {
    this.stop();
    this.controller = new AbortController();
    void this.tick(this.controller);
  }

  stop(): void {
    this.controller?.abort();
    this.controller = null;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  private async tick(controller: AbortController): Promise<void> {
    try {
      const value = await this.load(controller.signal);
      if (controller.signal.aborted) return;
      this.error = null;
      if (value !== undefined) {
        this.value = value;
        this.updatedAt = Date.now();
      }
    } catch (error) {
      if (controller.signal.aborted) return;
      this.error = error instanceof Error ? error.message : String(error);
    }
    this.timer = setTimeout(() => void this.tick(controller), this.intervalMs);
  }
}
