import type { ActivityV1 } from '@gridsweep/core';
import type { AccessPolicy } from '../access/access-policy.js';
import type { LiveServer, LiveServerSocket } from '../plugins/external/socket-io.js';

/**
 * Who gets the ticker of which round. Accounts for the whole territory (the
 * wall, admins) share one room per round, so a message is encoded once for
 * all of them; an account for part of it gets only its own micro-grids' doors.
 */
export class ActivityAudience {
  private readonly partial = new Map<LiveServerSocket, Set<string>>();

  constructor(
    private readonly io: LiveServer,
    private readonly policy: AccessPolicy,
  ) {}

  join(socket: LiveServerSocket, roundId: string): void {
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
    this.io.to(`activity:${message.roundId}`).emit('activity:v1', message);
    for (const [socket, rounds] of this.partial) {
      if (!rounds.has(message.roundId)) continue;
      const principal = socket.data.principal;
      const items = message.items.filter((item) => this.policy.coversArea(principal, item.areaId));
      if (items.length > 0) socket.emit('activity:v1', { roundId: message.roundId, items });
    }
  }
}
