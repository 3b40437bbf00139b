/**
 * Reveals per user in a sliding window: at most `perWindow` in any
 * `windowMs`. Exact rather than a token bucket, so "20 in 10 minutes" means
 * what it says to the supervisor who reads the refusal. Memory: one timestamp
 * per reveal in the window per user.
 */
export class RevealLimit {
  private readonly times = new Map<string, number[]>();

  constructor(
    readonly perWindow: number,
    readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Spends one reveal of the user's window, or answers in how many seconds one is free again. */
  take(userId: string): { allowed: true } | { allowed: false; retryAfterSeconds: number } {
    if (this.perWindow <= 0) return { allowed: true };
    const at = this.now();
    const recent = (this.times.get(userId) ?? []).filter((time) => time > at - this.windowMs);
    if (recent.length >= this.perWindow) {
      this.times.set(userId, recent);
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((recent[0]! + this.windowMs - at) / 1000)) };
    }
    recent.push(at);
    this.times.set(userId, recent);
    return { allowed: true };
  }
}
