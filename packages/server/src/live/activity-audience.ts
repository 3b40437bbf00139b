import type { ActivityItemV1, ActivityV1 } from '@gridsweep/core';
import type { AccessPolicy } from '../access/access-policy.js';
import type { LiveServer, LiveServerSocket } from '../plugins/external/socket-io.js';

/** How many of a round's latest doors a newcomer is sent: a wall's ticker, full at once. */
export const RECENT_ACTIVITY = 20;

/**
 * Who gets the ticker of which round. Accounts for the whole territory (the
 * wall, admins) share one room per round, so a message is encoded once for
 * all of them; an account for part of it gets only its own micro-grids' doors.
 * A socket that joins is sent the round's latest doors first, so a wall
 * reloaded in a lull does not show an empty ticker until the next knock.
 */
export class ActivityAudience {
  private readonly partial = new Map<LiveServerSocket, Set<string>>();
  /** The latest doors this process delivered, per round, oldest first; bounded, so days of running do not grow it. */
  private readonly recent = new Map<string, ActivityItemV1[]>();

  constructor(
    private readonly io: LiveServer,
    private readonly policy: AccessPolicy,
  ) {}

  join(socket: LiveServerSocket, roundId: string): void {
    this.sendRecent(socket, roundId);
    if (socket.data.principal.scope.kind === 'everything') {
      void socket.join(`activity:${roundId}`);
      return;
    }
    let rounds = this.partial.get(socket);
    if (!rounds) this.partial.set(socket, (rounds = new Set()));
    rounds.add(roundId);
  }

  leave(socket: LiveServerSocket): void {
    this.partial.delete(socket);
  }

  deliver(message: ActivityV1): void {
    this.remember(message);
    this.io.to(`activity:${message.roundId}`).emit('activity:v1', message);
    for (const [socket, rounds] of this.partial) {
      if (!rounds.has(message.roundId)) continue;
      const principal = socket.data.principal;
      const items = message.items.filter((item) => this.policy.coversArea(principal, item.areaId));
      if (items.length > 0) socket.emit('activity:v1', { roundId: message.roundId, items });
    }
  }

  private remember(message: ActivityV1): void {
    const kept = [...(this.recent.get(message.roundId) ?? []), ...message.items];
    this.recent.set(message.roundId, kept.slice(-RECENT_ACTIVITY));
  }

  private sendRecent(socket: LiveServerSocket, roundId: string): void {
    const principal = socket.data.principal;
    const items = (this.recent.get(roundId) ?? []).filter((item) => this.policy.coversArea(principal, item.areaId));
    if (items.length > 0) socket.emit('activity:v1', { roundId, items });
  }
}
