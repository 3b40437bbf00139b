import { randomUUID } from 'node:crypto';
import type { AreaCounts, AreaCountsDiff, CountsDeltaV1, CountsSnapshotV1, ResumePoint } from '@gridsweep/core';
import type { AreaScope } from './area-scope.js';
import { TickHistory } from './tick-history.js';

/** Where the stream reads current counts from: the counting engine. */
export interface CountsSource {
  counts(roundId: string, areaId: string): AreaCounts;
}

/** One subscriber's channel: how to send, and whether its connection can take more now. */
export interface SubscriberChannel {
  send(message: CountsDeltaV1): void;
  /** False while earlier messages are still queued on the connection: deltas then wait and merge. */
  canSend(): boolean;
}

interface Subscriber {
  readonly id: string;
  readonly roundId: string;
  readonly scope: AreaScope;
  readonly channel: SubscriberChannel;
  /** The seq of the last message sent: the next delta's fromSeq. */
  sentSeq: number;
  /** Areas changed since the last message; bounded by the scope's size, however slow the subscriber. */
  readonly pending: Set<string>;
}

export type FirstMessage =
  | { readonly kind: 'snapshot'; readonly message: CountsSnapshotV1 }
  | { readonly kind: 'delta'; readonly message: CountsDeltaV1 };

/**
 * This process's stream of count changes: collects the engine's diffs, and on
 * each tick numbers them (seq) and hands every subscriber one delta with the
 * current counts of the areas of its scope that changed. A subscriber whose
 * connection is backed up is skipped and its pending areas merge, so memory
 * stays bounded by the tree, not by time. See docs/decisions/0010.
 */
export class CountsStream {
  readonly streamId = randomUUID();
  private seq = 0;
  private readonly changed = new Map<string, Set<string>>();
  private readonly subscribers = new Map<string, Subscriber>();
  private readonly history: TickHistory;

  constructor(
    private readonly source: CountsSource,
    historyTicks: number,
  ) {
    this.history = new TickHistory(historyTicks);
  }

  get sequence(): number {
    return this.seq;
  }

  get subscriberCount(): number {
    return this.subscribers.size;
  }

  noteChanges(diff: AreaCountsDiff): void {
    for (const [roundId, areas] of Object.entries(diff)) {
      let set = this.changed.get(roundId);
      if (!set) this.changed.set(roundId, (set = new Set()));
      for (const areaId of Object.keys(areas)) set.add(areaId);
    }
  }

  /** Opens a subscription and returns its first message: a snapshot, or on resume only what was missed. */
  subscribe(roundId: string, scope: AreaScope, channel: SubscriberChannel, resume?: ResumePoint): { id: string; first: FirstMessage } {
    const id = randomUUID();
    const subscriber: Subscriber = { id, roundId, scope, channel, sentSeq: this.seq, pending: new Set() };
    this.subscribers.set(id, subscriber);
    const missed =
      resume && resume.streamId === this.streamId && resume.seq <= this.seq
        ? this.history.changedSince(resume.seq, roundId, this.seq)
        : undefined;
    if (resume && missed) {
      const areaIds = [...missed].filter((areaId) => scope.contains(areaId));
      return { id, first: { kind: 'delta', message: this.delta(subscriber, resume.seq, areaIds) } };
    }
    const counts: Record<string, AreaCounts> = {};
    for (const areaId of scope.areaIds()) counts[areaId] = this.source.counts(roundId, areaId);
    const message: CountsSnapshotV1 = { subscriptionId: id, streamId: this.streamId, seq: this.seq, roundId, counts, serverTime: Date.now() };
    return { id, first: { kind: 'snapshot', message } };
  }

  unsubscribe(id: string): void {
    this.subscribers.delete(id);
  }

  /** Numbers what changed since the last tick, and sends each subscriber that can take it one delta. */
  tick(): void {
    if (this.changed.size > 0) {
      this.seq++;
      for (const [roundId, areaIds] of this.changed) {
        this.history.record({ seq: this.seq, roundId, areaIds: [...areaIds] });
        this.markPending(roundId, areaIds);
      }
      this.changed.clear();
    }
    for (const subscriber of this.subscribers.values()) {
      if (subscriber.pending.size === 0 || !subscriber.channel.canSend()) continue;
      subscriber.channel.send(this.delta(subscriber, subscriber.sentSeq, [...subscriber.pending]));
      subscriber.pending.clear();
    }
  }

  private markPending(roundId: string, areaIds: ReadonlySet<string>): void {
    // Subscribers of the same subtree share the scope test, computed once per tick.
    const inScope = new Map<AreaScope, string[]>();
    for (const subscriber of this.subscribers.values()) {
      if (subscriber.roundId !== roundId) continue;
      let hits = inScope.get(subscriber.scope);
      if (!hits) {
        hits = [...areaIds].filter((areaId) => subscriber.scope.contains(areaId));
        inScope.set(subscriber.scope, hits);
      }
      for (const areaId of hits) subscriber.pending.add(areaId);
    }
  }

  private delta(subscriber: Subscriber, fromSeq: number, areaIds: readonly string[]): CountsDeltaV1 {
    const counts: Record<string, AreaCounts> = {};
    for (const areaId of areaIds) counts[areaId] = this.source.counts(subscriber.roundId, areaId);
    subscriber.sentSeq = this.seq;
    return { subscriptionId: subscriber.id, streamId: this.streamId, fromSeq, seq: this.seq, counts, serverTime: Date.now() };
  }
}
