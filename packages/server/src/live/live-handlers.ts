import type { SubmitEventsReplyV1, Territory } from '@gridsweep/core';
import type { FastifyBaseLogger } from 'fastify';
import type { EventIngest } from '../ingest/event-ingest.js';
import type { LiveServer } from '../plugins/external/socket-io.js';
import type { AreaScope } from './area-scope.js';
import type { CountsStream } from './counts-stream.js';
import { SocketChannel } from './socket-channel.js';
import { checkSubscribeRequest } from './subscribe-request.js';

const MAX_EVENTS_PER_SUBMISSION = 500;

export interface LiveHandlerDeps {
  readonly stream: CountsStream<SocketChannel>;
  readonly scopeOf: (areaId: string, depth: string) => AreaScope;
  readonly territory: Territory;
  readonly roundExists: (roundId: string) => boolean;
  readonly ingest: EventIngest;
  readonly log: FastifyBaseLogger;
}

/** The socket events a client may send, one handler each; every input is checked before use. */
export function attachLiveHandlers(io: LiveServer, deps: LiveHandlerDeps): void {
  io.on('connection', (socket) => {
    // By subscription id: subscribing again to the same subtree (a client resyncing) replaces the old one.
    const subscriptions = new Map<string, () => void>();
    const channel = new SocketChannel(socket);

    socket.on('counts.subscribe:v2', (input, reply) => {
      if (typeof reply !== 'function') return;
      const checked = checkSubscribeRequest(input, deps.territory, deps.roundExists);
      if (!checked.ok) {
        reply({ ok: false, error: { code: 'BAD_SUBSCRIPTION', message: checked.reason } });
        return;
      }
      const { roundId, areaId, depth, resume } = checked.request;
      const { id, first, unsubscribe } = deps.stream.subscribe(roundId, deps.scopeOf(areaId, depth), channel, resume);
      subscriptions.get(id)?.();
      subscriptions.set(id, unsubscribe);
      reply({ ok: true, subscriptionId: id });
      if (first.kind === 'snapshot') socket.emit('counts.snapshot:v2', first.message);
      else channel.send(first.message);
    });

    socket.on('counts.unsubscribe:v1', (subscriptionId) => {
      if (typeof subscriptionId !== 'string') return;
      subscriptions.get(subscriptionId)?.();
      subscriptions.delete(subscriptionId);
    });

    socket.on('activity.subscribe:v1', (roundId) => {
      if (typeof roundId === 'string' && deps.roundExists(roundId)) void socket.join(`activity:${roundId}`);
    });

    socket.on('events.submit:v1', (events, reply) => {
      if (typeof reply !== 'function') return;
      if (!Array.isArray(events) || events.length === 0 || events.length > MAX_EVENTS_PER_SUBMISSION) {
        reply({ ok: false, error: { code: 'BAD_BATCH', message: `events: must be a list of 1 to ${MAX_EVENTS_PER_SUBMISSION} events` } });
        return;
      }
      deps.ingest.ingest(events).then(
        (outcome): void => {
          const answer: SubmitEventsReplyV1 = outcome.ok
            ? { ok: true, results: outcome.results }
            : {
                ok: false,
                error: { code: 'EVENT_CONFLICT', message: 'some event ids are already stored with other content; nothing was written' },
                conflicts: outcome.conflicts,
              };
          reply(answer);
        },
        (error: unknown) => {
          deps.log.error({ err: error, socketId: socket.id }, 'a socket event submission failed');
          reply({ ok: false, error: { code: 'INTERNAL', message: 'the events could not be stored; send them again' } });
        },
      );
    });

    socket.on('disconnect', () => {
      for (const unsubscribe of subscriptions.values()) unsubscribe();
      subscriptions.clear();
    });
  });
}
