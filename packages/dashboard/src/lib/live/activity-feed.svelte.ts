import type { ActivityItemV1, ActivityV1 } from '@gridsweep/core';
import type { LiveSocket } from './live-counts.svelte.js';
import { mergeActivity } from './merge-activity.js';

/** How many doors the ticker remembers: the wall runs for days, so the list never grows past this. */
export const ACTIVITY_LIMIT = 12;

/** The latest doors knocked in a round, newest first, from the server's activity feed. */
export class ActivityFeed {
  items = $state.raw<readonly ActivityItemV1[]>([]);
  private roundId: string | null = null;

  private readonly onActivity = (activity: ActivityV1): void => {
    if (activity.roundId !== this.roundId || activity.items.length === 0) return;
    this.items = mergeActivity(this.items, activity.items, ACTIVITY_LIMIT);
  };

  private readonly subscribe = (): void => {
    if (this.roundId !== null) this.socket.emit('activity.subscribe:v1', this.roundId);
  };

  constructor(private readonly socket: LiveSocket) {
    socket.on('activity:v1', this.onActivity);
    // Rooms do not survive a reconnect; join again each time.
    socket.on('connect', this.subscribe);
  }

  follow(roundId: string | null): void {
    if (roundId === this.roundId) return;
    this.roundId = roundId;
    this.items = [];
    if (this.socket.connected) this.subscribe();
  }

  stop(): void {
    this.socket.off('activity:v1', this.onActivity);
    this.socket.off('connect', this.subscribe);
  }
}
