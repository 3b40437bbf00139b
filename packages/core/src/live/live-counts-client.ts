import type {
  ClientToServerEvents,
  CountsDeltaV3,
  CountsSnapshotV3,
  LiveError,
  ServerToClientEvents,
  SubscribeReplyV1,
  SubscribeRequestV1,
} from './live-events.js';
import { LiveCountsView } from './live-counts-view.js';

/**
 * The part of a socket.io client socket this needs, declared here so the core
 * does not depend on socket.io-client. A socket.io `Socket` fits it.
 */
export interface LiveSocketLike {
  readonly connected: boolean;
  on(event: 'connect' | keyof ServerToClientEvents, listener: (...args: never[]) => void): unknown;
  off(event: 'connect' | keyof ServerToClientEvents, listener: (...args: never[]) => void): unknown;
  emit(event: 'counts.subscribe:v3', ...args: Parameters<ClientToServerEvents['counts.subscribe:v3']>): unknown;
  emit(event: 'counts.unsubscribe:v1', ...args: Parameters<ClientToServerEvents['counts.unsubscribe:v1']>): unknown;
}

export interface LiveCountsClientOptions {
  readonly subscription: Omit<SubscribeRequestV1, 'resume'>;
  /** Called after a snapshot ('all') or a delta (the ids of the areas that changed). */
  readonly onUpdate: (changed: readonly string[] | 'all') => void;
  readonly onError?: (error: LiveError) => void;
  /**
   * Called on every message of the subscription, the server's heartbeat
   * (an empty delta every few seconds) included: the counts are current as of now.
   */
  readonly onHeard?: () => void;
}

/**
 * Follows a subtree's counts over a socket: subscribes on every (re)connect
 * with its resume point, applies the snapshot and deltas, and resubscribes the
 * moment it sees a gap, so it can lag but never show a wrong number.
 */
export class LiveCountsClient {
  readonly view = new LiveCountsView();
  private subscriptionId: string | null = null;
  private lastMessageAt = 0;

  constructor(
    private readonly socket: LiveSocketLike,
    private readonly options: LiveCountsClientOptions,
  ) {}

  start(): void {
    this.socket.on('connect', this.subscribe);
    this.socket.on('counts.snapshot:v3', this.onSnapshot);
    this.socket.on('counts.delta:v3', this.onDelta);
    if (this.socket.connected) this.subscribe();
  }

  stop(): void {
    this.socket.off('connect', this.subscribe);
    this.socket.off('counts.snapshot:v3', this.onSnapshot);
    this.socket.off('counts.delta:v3', this.onDelta);
    if (this.subscriptionId !== null && this.socket.connected) {
      this.socket.emit('counts.unsubscribe:v1', this.subscriptionId);
    }
    this.subscriptionId = null;
  }

  /** Server time of the last snapshot or delta applied, 0 before the first: what a freshness badge shows. */
  get lastServerTime(): number {
    return this.lastMessageAt;
  }

  private readonly subscribe = (): void => {
    const resume = this.view.resumePoint();
    const request: SubscribeRequestV1 = resume ? { ...this.options.subscription, resume } : this.options.subscription;
    const reply = (answer: SubscribeReplyV1): void => {
      if (answer.ok) this.subscriptionId = answer.subscriptionId;
      else this.options.onError?.(answer.error);
    };
    this.socket.emit('counts.subscribe:v3', request, reply);
  };

  private readonly onSnapshot = (snapshot: CountsSnapshotV3): void => {
    if (snapshot.subscriptionId !== this.subscriptionId) return;
    if (!this.view.applySnapshot(snapshot)) return;
    this.lastMessageAt = snapshot.serverTime;
    this.options.onHeard?.();
    this.options.onUpdate('all');
  };

  private readonly onDelta = (delta: CountsDeltaV3): void => {
    if (delta.subscriptionId !== this.subscriptionId) return;
    const outcome = this.view.applyDelta(delta);
    if (outcome === 'gap') {
      this.subscribe();
      return;
    }
    this.lastMessageAt = delta.serverTime;
    this.options.onHeard?.();
    if (outcome === 'applied') this.options.onUpdate(delta.counts.areaIds);
  };
}
