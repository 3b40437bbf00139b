export type RateDecision = { readonly allowed: true } | { readonly allowed: false; readonly retryAfterSeconds: number };

interface Bucket {
  tokens: number;
  updatedAt: number;
}

/** Above this many keys, full buckets (keys idle for a minute or more) are forgotten. */
const PRUNE_ABOVE = 10_000;

/**
 * A token bucket per key: `perMinute` requests, refilled evenly, so a burst
 * of `burst` (default: a minute's worth) is allowed and then one request per 60/perMinute s.
 * Keyed on the signed-in user, never the address: a street's phones share
 * their carrier's few addresses.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly perMs: number;
  private readonly burst: number;

  constructor(
    readonly perMinute: number,
    options: { burst?: number; now?: () => number } = {},
  ) {
    this.perMs = perMinute / 60_000;
    this.burst = options.burst ?? perMinute;
    this.now = options.now ?? Date.now;
  }

  private readonly now: () => number;

  take(key: string): RateDecision {
    const decision = this.check(key);
    if (decision.allowed && this.perMinute > 0) this.bucket(key).tokens -= 1;
    return decision;
  }

  /** The decision `take` would make, without spending anything. */
  check(key: string): RateDecision {
    if (this.perMinute <= 0) return { allowed: true };
    const bucket = this.bucket(key);
    if (bucket.tokens >= 1) return { allowed: true };
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / this.perMs / 1000)) };
  }

  private bucket(key: string): Bucket {
    const at = this.now();
    let bucket = this.buckets.get(key);
    if (!bucket) {
      if (this.buckets.size >= PRUNE_ABOVE) this.prune(at);
      bucket = { tokens: this.burst, updatedAt: at };
      this.buckets.set(key, bucket);
    }
    bucket.tokens = Math.min(this.burst, bucket.tokens + (at - bucket.updatedAt) * this.perMs);
    bucket.updatedAt = at;
    return bucket;
  }

  private prune(at: number): void {
    for (const [key, bucket] of this.buckets) {
      if (bucket.tokens + (at - bucket.updatedAt) * this.perMs >= this.burst) this.buckets.delete(key);
    }
  }
}
