import { randomUUID } from 'node:crypto';
import { packCounts, type AreaCounts, type AreaCountsDiff, type CountsDeltaV2, type CountsSnapshotV2, type ResumePoint } from '@gridsweep/core';
import type { AreaScope } from './area-scope.js';
import { TickHistory } from './tick-history.js';

/** Where the stream reads current counts from: the counting engine. */
export interface CountsSource {
  counts(roundId: string, areaId: string): AreaCounts;
}

/** One subscriber's connection: whether it can take more now, and its own send for catching up. */
export interface SubscriberChannel {
  send(message: CountsDeltaV2): void;
  /** False while earlier messages are still queued on the connection: deltas then wait and merge. */
  canSend(): boolean;
}

/**
 * Sends one delta to many subscribers. The socket layer encodes it once for
 * all of them (a socket.io broadcast), which is what lets a thousand walls
 * follow the same subtree.
 */
export type Fanout<C extends SubscriberChannel> = (channels: readonly C[], message: CountsDeltaV2) => void;

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
  readonly streamId: string;
  readonly roundId: string;
  readonly scope: AreaScope;
  readonly history: TickHistory;
  seq: number;
  readonly members: Set<Member<C>>;
}

export type FirstMessage =
  | { readonly kind: 'snapshot'; readonly message: CountsSnapshotV2 }
  | { readonly kind: 'delta'; readonly message: CountsDeltaV2 };

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
  private ticks = 0;

  /**
   * `heartbeatTicks`: every this many ticks, a member in step that heard
   * nothing is sent an empty delta (its seq unchanged, which clients take as a
   * repeat), so a wall can tell a quiet morning from a server that stopped; 0 sends none.
   */
  constructor(
    private readonly source: CountsSource,
    private readonly historyTicks: number,
    private readonly fanout: Fanout<C> = (channels, message) => channels.forEach((channel) => channel.send(message)),
    private readonly heartbeatTicks = 0,
  ) {}

  noteChanges(diff: AreaCountsDiff): void {
    for (const [roundId, areas] of Object.entries(diff)) {
      let set = this.changed.get(roundId);
      if (!set) this.changed.set(roundId, (set = new Set()));
      for (const areaId of Object.keys(areas)) set.add(areaId);
    }
  }

  /** Opens a subscription; its first message is a snapshot, or on resume only what was missed. */
  subscribe(roundId: string, scope: AreaScope, channel: C, resume?: ResumePoint): Subscription {
    const group = this.groupOf(roundId, scope);
    const member: Member<C> = { channel, sentSeq: group.seq, pending: new Set() };
    group.members.add(member);
    const unsubscribe = () => group.members.delete(member);
    const missed = resume?.streamId === group.streamId && resume.seq <= group.seq ? group.history.changedSince(resume.seq, roundId, group.seq) : undefined;
    if (resume && missed) {
      const message = this.delta(group, resume.seq, missed, new Map());
      return { id: group.id, first: { kind: 'delta', message }, unsubscribe };
    }
    const counts = packCounts(scope.areaIds().map((areaId) => [areaId, this.source.counts(roundId, areaId)] as const));
    const message: CountsSnapshotV2 = { subscriptionId: group.id, streamId: group.streamId, seq: group.seq, roundId, counts, serverTime: Date.now() };
    return { id: group.id, first: { kind: 'snapshot', message }, unsubscribe };
  }

  /** Numbers what changed since the last tick, group by group, and sends it to every member that can take it. */
  tick(): void {
    this.ticks++;
    const heartbeat = this.heartbeatTicks > 0 && this.ticks % this.heartbeatTicks === 0;
    const counted = new Map<string, AreaCounts>();
    for (const group of this.groups.values()) {
      const changed = this.changed.get(group.roundId);
      const hits = changed ? [...changed].filter((areaId) => group.scope.contains(areaId)) : [];
      const previous = group.seq;
      if (hits.length > 0) {
        group.seq++;
        group.history.record({ seq: group.seq, roundId: group.roundId, areaIds: hits });
      }
      this.sendGroup(group, previous, hits, counted, heartbeat);
    }
    this.changed.clear();
  }

  private sendGroup(group: Group<C>, previous: number, hits: readonly string[], counted: Map<string, AreaCounts>, heartbeat: boolean): void {
    const inStep: C[] = [];
    const idle: C[] = [];
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
        member.channel.send(this.delta(group, member.sentSeq, member.pending, counted));
        member.pending.clear();
      }
      member.sentSeq = group.seq;
    }
    if (inStep.length > 0) this.fanout(inStep, this.delta(group, previous, hits, counted));
    if (idle.length > 0) this.fanout(idle, this.delta(group, group.seq, [], counted));
  }

  private groupOf(roundId: string, scope: AreaScope): Group<C> {
    const key = `${roundId}\u0000${scope.key}`;
    let group = this.groups.get(key);
    if (!group) {
      const id = randomUUID();
      group = { id, streamId: `${this.processId}/${id}`, roundId, scope, history: new TickHistory(this.historyTicks), seq: 0, members: new Set() };
      this.groups.set(key, group);
    }
    return group;
  }

  /** Counts are read once per tick and area, however many members and groups need them. */
  private delta(group: Group<C>, fromSeq: number, areaIds: Iterable<string>, counted: Map<string, AreaCounts>): CountsDeltaV2 {
    const areas: [string, AreaCounts][] = [];
    for (const areaId of areaIds) {
      const key = `${group.roundId}\u0000${areaId}`;
      let value = counted.get(key);
      if (!value) counted.set(key, (value = this.source.counts(group.roundId, areaId)));
      areas.push([areaId, value]);
    }
    const counts = packCounts(areas);
    return { subscriptionId: group.id, streamId: group.streamId, fromSeq, seq: group.seq, counts, serverTime: Date.now() };
  }
}
