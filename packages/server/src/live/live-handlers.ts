import { CLIENT_MESSAGES, compileCheck, ERRORS } from '@gridsweep/contract';
import type { Round, SubscribeReplyV1 } from '@gridsweep/core';
import type { FastifyBaseLogger } from 'fastify';
import type { RosterTerritory as Territory } from '../roster-territory.js';
import type { EventIngest } from '../ingest/event-ingest.js';
import type { AccessServices } from '../plugins/app/access.js';
import type { LiveServer } from '../plugins/external/socket-io.js';
import type { ActivityAudience } from './activity-audience.js';
import type { AreaScope } from './area-scope.js';
import type { CountsStream } from './counts-stream.js';
import { SocketChannel } from './socket-channel.js';
import { checkSubscribeRequest } from './subscribe-request.js';
import { submitEvents } from './submit-events.js';
import { credentialOf, type SubscriptionLimits } from './subscription-limits.js';

const checkSubscriptionId = compileCheck(CLIENT_MESSAGES['counts.unsubscribe:v1'].payload);
const checkRoundId = compileCheck(CLIENT_MESSAGES['activity.subscribe:v1'].payload);

export interface LiveHandlerDeps {
  readonly stream: CountsStream<SocketChannel>;
  readonly scopeOf: (areaId: string, depth: string) => AreaScope;
  readonly territory: Territory;
  readonly roundExists: (roundId: string) => boolean;
  readonly round: (roundId: string) => Round | undefined;
  readonly ingest: EventIngest;
  readonly access: AccessServices;
  readonly activity: ActivityAudience;
  readonly log: FastifyBaseLogger;
  readonly limits: SubscriptionLimits;
}

interface Held {
  readonly key: string;
  readonly unsubscribe: () => void;
}

/**
 * The socket events a client may send, one handler each; every payload is
 * checked against the contract's schema before use, every request against the
 * socket's principal by the same access policy as the HTTP routes, and every
 * refusal carries a code of the contract's error catalogue. Events without a
 * reply ignore a payload that is not one.
 */
export function attachLiveHandlers(io: LiveServer, deps: LiveHandlerDeps): void {
  const { policy } = deps.access;
  io.on('connection', (socket) => {
    const principal = socket.data.principal;
    const credential = credentialOf(principal);
    // By subscription id: subscribing again to the same subtree (a client resyncing) replaces the old one.
    const subscriptions = new Map<string, Held>();
    const heldKeys = new Set<string>();
    const channel = new SocketChannel(socket);
    const drop = (subscriptionId: string) => {
      const held = subscriptions.get(subscriptionId);
      if (!held) return;
      held.unsubscribe();
      subscriptions.delete(subscriptionId);
      heldKeys.delete(held.key);
      deps.limits.release(credential, held.key);
    };
    const refuseOverLimit = (reason: string, disconnect: boolean, reply: (answer: SubscribeReplyV1) => void) => {
      reply({ ok: false, error: { code: 'RATE_LIMITED', message: reason } });
      if (!disconnect) return;
      // A socket that keeps asking past its limits is a script, not a wall: it goes, and the log says whose it was.
      deps.log.warn({ socketId: socket.id, username: principal.username, address: socket.handshake.address, reason }, 'a socket that kept asking past its subscription limits was disconnected');
      socket.disconnect(true);
    };

    socket.on('counts.subscribe:v2', (_input, reply) => {
      if (typeof reply !== 'function') return;
      reply({ ok: false, error: { code: 'VERSION_RETIRED', message: ERRORS.VERSION_RETIRED.message } });
    });

    socket.on('counts.subscribe:v3', (input, reply) => {
      if (typeof reply !== 'function') return;
      const budget = deps.limits.request(socket.id);
      if (!budget.allowed) return refuseOverLimit(budget.reason, budget.disconnect, reply);
      const checked = checkSubscribeRequest(input, deps.territory, deps.roundExists);
      if (!checked.ok) {
        const first = checked.issues[0];
        const message = first ? `${first.field}: ${first.reason}` : ERRORS.BAD_SUBSCRIPTION.message;
        reply({ ok: false, error: { code: 'BAD_SUBSCRIPTION', message }, issues: checked.issues });
        return;
      }
      const { roundId, areaId, depth, resume } = checked.request;
      if (!policy.maySubscribe(principal, roundId, areaId)) {
        reply({ ok: false, error: { code: 'FORBIDDEN', message: `areaId: ${areaId} lies outside the territory your account covers` } });
        return;
      }
      const scope = deps.scopeOf(areaId, depth);
      const key = `${roundId}\u0000${scope.key}`;
      const admitted = deps.limits.admit(socket.id, credential, heldKeys, key);
      if (!admitted.allowed) return refuseOverLimit(admitted.reason, admitted.disconnect, reply);
      const { id, first, unsubscribe } = deps.stream.subscribe(roundId, scope, channel, resume);
      drop(id);
      subscriptions.set(id, { key, unsubscribe });
      heldKeys.add(key);
      deps.limits.hold(credential, key);
      reply({ ok: true, subscriptionId: id });
      if (first.kind === 'snapshot') socket.emit('counts.snapshot:v3', first.message);
      else channel.send(first.message);
    });

    socket.on('counts.unsubscribe:v1', (subscriptionId) => {
      if (!checkSubscriptionId(subscriptionId).ok) return;
      drop(subscriptionId);
    });

    socket.on('activity.subscribe:v1', (roundId) => {
      if (!checkRoundId(roundId).ok || !deps.roundExists(roundId) || !policy.can(principal, 'counts.read')) return;
      // An archived round's ticker is for administrators only, like the round itself.
      if (!policy.roundVisible(principal, deps.round(roundId)!)) return;
      deps.activity.join(socket, roundId);
    });

    socket.on('events.submit:v1', (events, reply) => {
      if (typeof reply !== 'function') return;
      submitEvents(principal, events, socket.handshake.address, deps).then(reply, (error: unknown) => {
        deps.log.error({ err: error, socketId: socket.id }, 'a socket event submission failed');
        reply({ ok: false, error: { code: 'INTERNAL', message: 'The events could not be stored; send them again.' } });
      });
    });

    socket.on('disconnect', () => {
      deps.activity.leave(socket);
      for (const subscriptionId of [...subscriptions.keys()]) drop(subscriptionId);
      deps.limits.forget(socket.id);
    });
  });
}
