import { randomUUID } from 'node:crypto';
import type { CountsDeltaV3, CountsSnapshotV3, PackedCountsV3, ResumePoint } from '@gridsweep/core';
import type { AreaScope } from './area-scope.js';
import { deltaBytes } from './delta-size.js';
import { TickHistory } from './tick-history.js';

/** Where the stream reads current counts from: the counting engine, which packs them straight from its counters. */
export interface CountsSource {
  packCounts(roundId: string, areaIds: Iterable<string>): PackedCountsV3;
}

/** One subscriber's connection: whether it can take more now, and its own send for catching up. */
export interface SubscriberChannel {
  send(message: CountsDeltaV3): void;
  /** False while earlier messages are still queued on the connection: deltas then wait and merge. */
  canSend(): boolean;
}

/**
 * Sends one delta to many subscribers. The socket layer encodes it once for
 * all of them (a socket.io broadcast), which is what lets a thousand walls
 * follow the same subtree.
 */
export type Fanout<C extends SubscriberChannel> = (channels: readonly C[], message: CountsDeltaV3) => void;

interface Member<C> {
  readonly channel: C;
  /** The last seq sent to it; equal to its group's seq when it is in step. */
  sentSeq: number;
  /** Areas changed since sentSeq while it was backed up; bounded by the scope's size. */
  readonly pending: Set<string>;
}

/** Everyone following one subtree of one round: one sequence, one history, one delta per tick. */
interface Group<C> {
  readonly id: string;
  readonly key: string;
  /** When its last member left; undefined while it has members. */
  emptySince: number | undefined;
  readonly streamId: string;
  readonly roundId: string;
  readonly scope: AreaScope;
  readonly history: TickHistory;
  seq: number;
  readonly members: Set<Member<C>>;
  /** The snapshot last packed, reused by everyone subscribing before the next change. */
  snapshot: CountsSnapshotV3 | null;
}

/** How long a group outlives its last member: long enough for a wall's reconnect after a network cut. */
export const EMPTY_GROUP_GRACE_MS = 120_000;

export type FirstMessage =
  | { readonly kind: 'snapshot'; readonly message: CountsSnapshotV3 }
  | { readonly kind: 'delta'; readonly message: CountsDeltaV3 };

export interface Subscription {
  readonly id: string;
  readonly first: FirstMessage;
  readonly unsubscribe: () => void;
}

/**
 * This process's stream of count changes. Subscribers of the same subtree
 * form a group with its own sequence: each tick that touched the subtree
 * becomes one delta, built and encoded once for every member in step. A
 * member whose connection is backed up is skipped; its areas merge into one
 * catch-up delta, so memory is bounded by the tree, not by time. See
 * docs/decisions/0010.
 */
export class CountsStream<C extends SubscriberChannel = SubscriberChannel> {
  private readonly processId = randomUUID();
  private readonly changed = new Map<string, Set<string>>();
  private readonly groups = new Map<string, Group<C>>();

  constructor(
    private readonly source: CountsSource,
    private readonly historyTicks: number,
    private readonly fanout: Fanout<C> = (channels, message) => channels.forEach((channel) => channel.send(message)),
    private readonly emptyGraceMs = EMPTY_GROUP_GRACE_MS,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Areas whose counts changed, by round id, to go out with the next tick. */
  noteChanges(changed: ReadonlyMap<string, readonly string[]>): void {
    for (const [roundId, areaIds] of changed) {
      let set = this.changed.get(roundId);
      if (!set) this.changed.set(roundId, (set = new Set()));
      for (const areaId of areaIds) set.add(areaId);
    }
  }

  /** Opens a subscription; its first message is a snapshot, or on resume only what was missed. */
  subscribe(roundId: string, scope: AreaScope, channel: C, resume?: ResumePoint): Subscription {
    const group = this.groupOf(roundId, scope);
    const member: Member<C> = { channel, sentSeq: group.seq, pending: new Set() };
    group.members.add(member);
    group.emptySince = undefined;
    const unsubscribe = () => this.leave(group, member);
    const missed = resume?.streamId === group.streamId && resume.seq <= group.seq ? group.history.changedSince(resume.seq, roundId, group.seq) : undefined;
    if (resume && missed) {
      const message = this.delta(group, resume.seq, missed);
      return { id: group.id, first: { kind: 'delta', message }, unsubscribe };
    }
    return { id: group.id, first: { kind: 'snapshot', message: this.snapshotOf(group) }, unsubscribe };
  }

  /**
   * Numbers what changed since the last tick, group by group, and sends it to
   * every member that can take it. With `heartbeat`, a member in step that
   * hears nothing is sent an empty delta (its seq unchanged, which clients take
   * as a repeat), so a wall can tell a quiet morning from a server that stopped.
   * Returns about how many bytes it handed to subscribers, all of them
   * together: what the send cost the uplink and the walls, which the flush
   * gate spaces the next send by.
   */
  tick(heartbeat = false): number {
    this.freeAbandonedGroups();
    let bytes = 0;
    for (const group of this.groups.values()) {
      const changed = this.changed.get(group.roundId);
      const hits = changed ? [...changed].filter((areaId) => group.scope.contains(areaId)) : [];
      const previous = group.seq;
      if (hits.length > 0) {
        group.seq++;
        group.snapshot = null;
        group.history.record({ seq: group.seq, roundId: group.roundId, areaIds: hits });
      }
      bytes += this.sendGroup(group, previous, hits, heartbeat);
    }
    this.changed.clear();
    return bytes;
  }

  private sendGroup(group: Group<C>, previous: number, hits: readonly string[], heartbeat: boolean): number {
    const inStep: C[] = [];
    const idle: C[] = [];
    let bytes = 0;
    for (const member of group.members) {
      // A member in step takes the shared delta as is; only one that is behind collects areas, so a tick
      // costs one check per wall, not one set insertion per wall and area.
      const inStepBefore = member.sentSeq === previous && member.pending.size === 0;
      if (inStepBefore && hits.length === 0) {
        if (heartbeat && member.channel.canSend()) idle.push(member.channel);
        continue;
      }
      if (!member.channel.canSend()) {
        for (const areaId of hits) member.pending.add(areaId);
        continue;
      }
      if (inStepBefore) {
        inStep.push(member.channel);
      } else {
        for (const areaId of hits) member.pending.add(areaId);
        const catchUp = this.delta(group, member.sentSeq, member.pending);
        member.channel.send(catchUp);
        bytes += deltaBytes(catchUp);
        member.pending.clear();
      }
      member.sentSeq = group.seq;
    }
    if (inStep.length > 0) {
      const delta = this.delta(group, previous, hits);
      this.fanout(inStep, delta);
      bytes += deltaBytes(delta) * inStep.length;
    }
    if (idle.length > 0) {
      const heartbeatDelta = this.delta(group, group.seq, []);
      this.fanout(idle, heartbeatDelta);
      bytes += deltaBytes(heartbeatDelta) * idle.length;
    }
    return bytes;
  }

  /** Groups alive now: one per subtree someone follows. */
  get groupCount(): number {
    return this.groups.size;
  }

  /**
   * The last member out leaves its group empty; a group empty for
   * `emptyGraceMs` is freed, history and all, so a server up for days ticks
   * over the views open now, not every view ever opened. Within the grace a
   * wall cut off for a moment resumes with only what it missed; after it, it
   * finds a new stream id and gets a snapshot.
   */
  private leave(group: Group<C>, member: Member<C>): void {
    group.members.delete(member);
    if (group.members.size === 0) group.emptySince = this.now();
  }

  private freeAbandonedGroups(): void {
    const before = this.now() - this.emptyGraceMs;
    for (const [key, group] of this.groups) {
      if (group.members.size === 0 && group.emptySince !== undefined && group.emptySince <= before) this.groups.delete(key);
    }
  }

  private groupOf(roundId: string, scope: AreaScope): Group<C> {
    const key = `${roundId}\u0000${scope.key}`;
    let group = this.groups.get(key);
    if (!group) {
      const id = randomUUID();
      group = { id, key, emptySince: undefined, streamId: `${this.processId}/${id}`, roundId, scope, history: new TickHistory(this.historyTicks), seq: 0, members: new Set(), snapshot: null };
      this.groups.set(key, group);
    }
    return group;
  }

  /**
   * The group's counts as of its seq, packed once per seq: a thousand walls
   * subscribing at once, or one socket asking a thousand times, cost one
   * walk of the subtree, not one each.
   */
  private snapshotOf(group: Group<C>): CountsSnapshotV3 {
    group.snapshot ??= {
      subscriptionId: group.id,
      streamId: group.streamId,
      seq: group.seq,
      roundId: group.roundId,
      counts: this.source.packCounts(group.roundId, group.scope.areaIds()),
      serverTime: 0,
    };
    return { ...group.snapshot, serverTime: Date.now() };
  }

  /** The counts of the areas are packed from the engine's counters as the delta is built: one read per area and group. */
  private delta(group: Group<C>, fromSeq: number, areaIds: Iterable<string>): CountsDeltaV3 {
    const counts = this.source.packCounts(group.roundId, areaIds);
    return { subscriptionId: group.id, streamId: group.streamId, fromSeq, seq: group.seq, counts, serverTime: Date.now() };
  }
}
