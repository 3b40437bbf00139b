import type { CountsDeltaV1, SubmitEventsReplyV1, Territory } from '@gridsweep/core';
import type { FastifyBaseLogger } from 'fastify';
import type { EventIngest } from '../ingest/event-ingest.js';
import type { LiveServer } from '../plugins/external/socket-io.js';
import type { AreaScope } from './area-scope.js';
import type { CountsStream } from './counts-stream.js';
import { checkSubscribeRequest } from './subscribe-request.js';

const MAX_EVENTS_PER_SUBMISSION = 500;

export interface LiveHandlerDeps {
  readonly stream: CountsStream;
  readonly scopeOf: (areaId: string, depth: string) => AreaScope;
  readonly territory: Territory;
  readonly roundExists: (roundId: string) => boolean;
  readonly ingest: EventIngest;
  readonly log: FastifyBaseLogger;
}

/** The socket events a client may send, one handler each; every input is checked before use. */
export function attachLiveHandlers(io: LiveServer, deps: LiveHandlerDeps): void {
  io.on('connection', (socket) => {
    const subscriptions = new Set<string>();
    // Deltas sent but not yet flushed to the wire; while any are, new ones wait and merge.
    let unflushed = 0;
    socket.conn.on('drain', () => {
      unflushed = 0;
    });
    const channel = {
      send: (message: CountsDeltaV1) => {
        unflushed++;
        socket.emit('counts.delta:v1', message);
      },
      canSend: () => unflushed === 0,
    };

    socket.on('counts.subscribe:v1', (input, reply) => {
      if (typeof reply !== 'function') return;
      const checked = checkSubscribeRequest(input, deps.territory, deps.roundExists);
      if (!checked.ok) {
        reply({ ok: false, error: { code: 'BAD_SUBSCRIPTION', message: checked.reason } });
        return;
      }
      const { roundId, areaId, depth, resume } = checked.request;
      const { id, first } = deps.stream.subscribe(roundId, deps.scopeOf(areaId, depth), channel, resume);
      subscriptions.add(id);
      reply({ ok: true, subscriptionId: id });
      if (first.kind === 'snapshot') socket.emit('counts.snapshot:v1', first.message);
      else channel.send(first.message);
    });

    socket.on('counts.unsubscribe:v1', (subscriptionId) => {
      if (typeof subscriptionId !== 'string' || !subscriptions.delete(subscriptionId)) return;
      deps.stream.unsubscribe(subscriptionId);
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
      for (const id of subscriptions) deps.stream.unsubscribe(id);
      subscriptions.clear();
    });
  });
}
