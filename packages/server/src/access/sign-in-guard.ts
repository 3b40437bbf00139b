import type { AuditLog } from './audit-log.js';
import { RateLimiter, type RateDecision } from './rate-limiter.js';

export interface SignInLimits {
  /** Sign-in attempts per minute from one address, checked before any hashing; 0 turns it off. */
  readonly perAddressPerMinute: number;
  readonly perAddressBurst: number;
  /** Wrong passwords per username from one address before that pair must wait. */
  readonly failuresPerUsernameAndAddress: number;
  readonly failureWindowMinutes: number;
  /** Passwords hashed at once; more wait in line, and past `hashQueue` waiting the attempt is refused. */
  readonly hashConcurrency: number;
  readonly hashQueue: number;
  /** Hashes one address may have running or waiting at once: a flood from one address waits behind itself, not others. */
  readonly hashesPerAddress: number;
  /** How often failed sign-ins go to the audit log, summarised. */
  readonly summaryMs: number;
}

export const DEFAULT_SIGN_IN_LIMITS: SignInLimits = {
  // A carrier's shared address carries a street's phones: one a second, and a burst for a shift starting at once.
  perAddressPerMinute: 60,
  perAddressBurst: 20,
  failuresPerUsernameAndAddress: 10,
  failureWindowMinutes: 15,
  // scrypt runs on libuv's four threads; two cores are shared with everything else.
  hashConcurrency: 2,
  hashQueue: 64,
  hashesPerAddress: 4,
  summaryMs: 60_000,
};

interface Failures {
  failed: number;
  refused: number;
  readonly usernames: Map<string, number>;
}

/** Distinct usernames named in one summary row; the rest are only counted. */
const USERNAMES_PER_SUMMARY = 20;

/**
 * What stands between an anonymous caller and the password hash: a budget per
 * address spent before any hashing, a lockout per username *and* address (so
 * a stranger cannot lock the owner out from elsewhere), a cap on hashes
 * running at once, and failed attempts summarised in the audit log per
 * address and period instead of one row each.
 */
export class SignInGuard {
  private readonly perAddress: RateLimiter;
  private readonly failures: RateLimiter;
  private running = 0;
  /** Waiting hashes by address, served in turn: one address's flood waits behind itself, not in front of others. */
  private readonly waiting = new Map<string, (() => void)[]>();
  private waitingCount = 0;
  private readonly inFlight = new Map<string, number>();
  private pending = new Map<string, Failures>();
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly audit: AuditLog,
    readonly limits: SignInLimits = DEFAULT_SIGN_IN_LIMITS,
  ) {
    this.perAddress = new RateLimiter(limits.perAddressPerMinute, { burst: Math.min(limits.perAddressBurst, limits.perAddressPerMinute) });
    this.failures = new RateLimiter(limits.failuresPerUsernameAndAddress / limits.failureWindowMinutes, { burst: limits.failuresPerUsernameAndAddress });
    this.timer = setInterval(() => void this.flush(), limits.summaryMs);
    this.timer.unref();
  }

  /** Spends one attempt of the address's budget and checks the pair's lockout; nothing is hashed when refused. */
  admit(username: string, address: string): RateDecision & { why?: 'address' | 'locked' } {
    const locked = this.failures.check(pairKey(username, address));
    if (!locked.allowed) {
      this.note(username, address, 'refused');
      return { ...locked, why: 'locked' };
    }
    const budget = this.perAddress.take(address);
    if (!budget.allowed) {
      this.note(username, address, 'refused');
      return { ...budget, why: 'address' };
    }
    return budget;
  }

  /** Runs `hash` when a slot is free; null when too many are already waiting, in all or from this address. */
  async hashing<T>(address: string, hash: () => Promise<T>): Promise<T | null> {
    const ofAddress = this.inFlight.get(address) ?? 0;
    if (ofAddress >= this.limits.hashesPerAddress) return null;
    if (this.running >= this.limits.hashConcurrency && this.waitingCount >= this.limits.hashQueue) return null;
    this.inFlight.set(address, ofAddress + 1);
    try {
      return await this.inTurn(address, hash);
    } finally {
      const left = (this.inFlight.get(address) ?? 1) - 1;
      if (left === 0) this.inFlight.delete(address);
      else this.inFlight.set(address, left);
    }
  }

  private async inTurn<T>(address: string, hash: () => Promise<T>): Promise<T> {
    if (this.running >= this.limits.hashConcurrency) {
      await new Promise<void>((resolve) => {
        const line = this.waiting.get(address);
        if (line) line.push(resolve);
        else this.waiting.set(address, [resolve]);
        this.waitingCount++;
      });
    } else {
      this.running++;
    }
    try {
      return await hash();
    } finally {
      // The slot passes straight to the next address in turn, or is given back.
      if (!this.serveNext()) this.running--;
    }
  }

  private serveNext(): boolean {
    const first = this.waiting.entries().next();
    if (first.done) return false;
    const [address, line] = first.value;
    const next = line.shift()!;
    this.waiting.delete(address);
    // To the back of the rotation if it has more waiting.
    if (line.length > 0) this.waiting.set(address, line);
    this.waitingCount--;
    next();
    return true;
  }

  failed(username: string, address: string): void {
    this.failures.take(pairKey(username, address));
    this.note(username, address, 'failed');
  }

  /** Writes one audit row per address that failed since the last summary. */
  async flush(): Promise<void> {
    const period = this.pending;
    this.pending = new Map();
    await Promise.all(
      [...period].map(([address, failures]) => {
        const named = [...failures.usernames].sort((a, b) => b[1] - a[1]);
        return this.audit
          .record({
            actorId: 'anonymous',
            actorRole: 'none',
            action: 'session.login-failed',
            target: `address:${address}`,
            source: address,
            detail: {
              wrongPasswords: failures.failed,
              refusedBeforeHashing: failures.refused,
              distinctUsernames: named.length,
              usernames: Object.fromEntries(named.slice(0, USERNAMES_PER_SUMMARY)),
            },
          })
          .catch(() => undefined);
      }),
    );
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.flush();
  }

  private note(username: string, address: string, what: 'failed' | 'refused'): void {
    let failures = this.pending.get(address);
    if (!failures) this.pending.set(address, (failures = { failed: 0, refused: 0, usernames: new Map() }));
    failures[what]++;
    if (failures.usernames.has(username) || failures.usernames.size < USERNAMES_PER_SUMMARY * 5) {
      failures.usernames.set(username, (failures.usernames.get(username) ?? 0) + 1);
    }
  }
}

const pairKey = (username: string, address: string) => `${username.toLowerCase()}\u0000${address}`;
