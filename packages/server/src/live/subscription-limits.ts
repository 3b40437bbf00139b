import { RateLimiter } from '../access/rate-limiter.js';
import type { Principal } from '../access/principal.js';

export interface SubscriptionLimitSettings {
  /** Distinct subscriptions one socket may hold at once. */
  readonly perSocket: number;
  /** Distinct subscriptions all sockets of one credential may hold; a thousand walls on one subtree hold one. */
  readonly perCredential: number;
  /** Subscribe requests a socket may send per minute, after a burst of `requestBurst`. */
  readonly requestsPerMinute: number;
  readonly requestBurst: number;
  /** Refusals after which a socket that keeps asking is disconnected. */
  readonly refusalsBeforeDisconnect: number;
}

export const DEFAULT_SUBSCRIPTION_LIMITS: SubscriptionLimitSettings = {
  perSocket: 8,
  perCredential: 64,
  // A wall resubscribes after each reconnect; a dashboard switching rounds and areas asks a few times a minute.
  requestsPerMinute: 60,
  requestBurst: 20,
  refusalsBeforeDisconnect: 20,
};

export type LimitVerdict =
  | { readonly allowed: true }
  | { readonly allowed: false; readonly reason: string; readonly disconnect: boolean };

/** The credential a principal connected with: its session, or the wall token (shared by every wall). */
export function credentialOf(principal: Principal): string {
  return principal.sessionHash ?? `principal:${principal.id}`;
}

/**
 * How many subscriptions sockets may hold and how often they may ask. Kept
 * per credential as a count of holders per subscription id, so identical
 * subscriptions (the same subtree, depth and round share one id) count once
 * however many walls follow them, and the entry goes when the last one leaves.
 */
export class SubscriptionLimits {
  private readonly held = new Map<string, Map<string, number>>();
  private readonly requests: RateLimiter;
  private readonly refusals = new Map<string, number>();

  constructor(readonly settings: SubscriptionLimitSettings = DEFAULT_SUBSCRIPTION_LIMITS) {
    this.requests = new RateLimiter(settings.requestsPerMinute, { burst: settings.requestBurst });
  }

  /** Spends one request of the socket's budget; refuses when it is spent. */
  request(socketId: string): LimitVerdict {
    if (this.requests.take(socketId).allowed) return { allowed: true };
    return this.refuse(socketId, `more than ${this.settings.requestsPerMinute} subscribe requests a minute from one socket`);
  }

  /** Whether the socket, holding `socketHeld`, may hold `subscriptionId` too. */
  admit(socketId: string, credential: string, socketHeld: ReadonlySet<string>, subscriptionId: string): LimitVerdict {
    if (socketHeld.has(subscriptionId)) return { allowed: true };
    if (socketHeld.size >= this.settings.perSocket) {
      return this.refuse(socketId, `a socket may hold ${this.settings.perSocket} subscriptions; unsubscribe one first`);
    }
    const byId = this.held.get(credential);
    if (byId && !byId.has(subscriptionId) && byId.size >= this.settings.perCredential) {
      return this.refuse(socketId, `one credential may hold ${this.settings.perCredential} distinct subscriptions`);
    }
    return { allowed: true };
  }

  hold(credential: string, subscriptionId: string): void {
    let byId = this.held.get(credential);
    if (!byId) this.held.set(credential, (byId = new Map<string, number>()));
    byId.set(subscriptionId, (byId.get(subscriptionId) ?? 0) + 1);
  }

  release(credential: string, subscriptionId: string): void {
    const byId = this.held.get(credential);
    const holders = byId?.get(subscriptionId);
    if (!byId || holders === undefined) return;
    if (holders > 1) byId.set(subscriptionId, holders - 1);
    else byId.delete(subscriptionId);
    if (byId.size === 0) this.held.delete(credential);
  }

  /** Forgets a closed socket's strikes. */
  forget(socketId: string): void {
    this.refusals.delete(socketId);
  }

  private refuse(socketId: string, reason: string): LimitVerdict {
    const refusals = (this.refusals.get(socketId) ?? 0) + 1;
    this.refusals.set(socketId, refusals);
    return { allowed: false, reason, disconnect: refusals >= this.settings.refusalsBeforeDisconnect };
  }
}
