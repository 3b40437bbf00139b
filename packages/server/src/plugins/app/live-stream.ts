import fp from 'fastify-plugin';
import { AncestryCache, AreaScope } from '../../live/area-scope.js';
import { ActivityAudience } from '../../live/activity-audience.js';
import { ActivityFeed } from '../../live/activity-feed.js';
import { CountsStream } from '../../live/counts-stream.js';
import { attachLiveHandlers } from '../../live/live-handlers.js';
import { SocketChannel } from '../../live/socket-channel.js';
import { FlushGate } from '../../live/flush-gate.js';
import { DEFAULT_SUBSCRIPTION_LIMITS, SubscriptionLimits } from '../../live/subscription-limits.js';
import { DEFAULT_ACCESS } from '../../config.js';
import { startTickClock } from '../../live/tick-clock.js';

const DEFAULT_TICK_MS = 100;
/** Ticks kept for resuming: a minute at the default tick, and one snapshot for longer cuts. */
const HISTORY_TICKS = 600;
/** How often a quiet subscription hears from the server: well inside the wall's 10 s before it says "delayed". */
const HEARTBEAT_MS = 5_000;

declare module 'fastify' {
  interface FastifyInstance {
    countsStream: CountsStream<SocketChannel>;
  }
}

/**
 * Carries count changes from the counting bus to socket subscribers, once per
 * tick, and the activity ticker to rooms; takes field submissions over the
 * socket through the same ingest as HTTP.
 */
export const liveStreamPlugin = fp(
  async (fastify) => {
    const { counting, roster, io, ingest } = fastify;
    const historyTicks = fastify.appOptions.liveHistoryTicks ?? HISTORY_TICKS;
    const tickMs = fastify.appOptions.config.liveTickMs ?? DEFAULT_TICK_MS;
    const access = fastify.appOptions.config.access ?? DEFAULT_ACCESS;
    const stream = new CountsStream<SocketChannel>(counting.engine, historyTicks, SocketChannel.fanout(io), fastify.appOptions.liveGroupGraceMs);
    const activity = new ActivityFeed({
      householdArea: (householdId) => roster.territory.householdArea(householdId),
      templateOfRound: (roundId) => {
        const round = roster.round(roundId);
        return round && roster.campaignOf(round).template;
      },
    });
    const audience = new ActivityAudience(io, fastify.access.policy);
    const ancestry = new AncestryCache(roster.territory);
    const scopeOf = (areaId: string, depth: string) => new AreaScope(roster.territory, ancestry, areaId, depth);

    let heartbeatDue = false;
    const gate = new FlushGate(
      () => {
        const bytes = stream.tick(heartbeatDue);
        heartbeatDue = false;
        for (const message of activity.take()) audience.deliver(message);
        return bytes;
      },
      { maxPeriodMs: tickMs },
    );
    const stopCounts = counting.bus.subscribe((change) => {
      stream.noteChanges(change.changes);
      gate.request();
    });
    const stopActivity = counting.committed.subscribe((events) => {
      activity.note(events);
      gate.request();
    });
    const heartbeatEvery = Math.max(1, Math.round(HEARTBEAT_MS / tickMs));
    let clockTicks = 0;
    // Roster writes change counts outside any commit: the clock announces them, and asks for the heartbeat.
    const stopTicks = startTickClock(tickMs, () => {
      counting.publishPendingChanges();
      if (++clockTicks % heartbeatEvery !== 0) return;
      heartbeatDue = true;
      gate.request();
    });

    attachLiveHandlers(io, {
      stream,
      scopeOf,
      territory: roster.territory,
      roundExists: (roundId) => roster.round(roundId) !== undefined,
      round: (roundId) => roster.round(roundId),
      ingest,
      access: fastify.access,
      activity: audience,
      log: fastify.log,
      limits: new SubscriptionLimits({
        ...DEFAULT_SUBSCRIPTION_LIMITS,
        perSocket: access.subscriptionsPerSocket,
        perCredential: access.subscriptionsPerCredential,
      }),
    });
    fastify.decorate('countsStream', stream);
    fastify.addHook('onClose', async () => {
      stopTicks();
      gate.stop();
      stopCounts();
      stopActivity();
    });
  },
  { name: 'live-stream', dependencies: ['socket-io', 'counting', 'roster', 'ingest', 'access'] },
);
