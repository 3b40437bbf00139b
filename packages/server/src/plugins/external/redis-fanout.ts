import { createAdapter } from '@socket.io/redis-adapter';
import type { SweepEvent } from '@gridsweep/core';
import fp from 'fastify-plugin';
import { randomUUID } from 'node:crypto';
import { createClient } from 'redis';
import type { CatalogueWrite } from '../../campaigns/campaign-catalogue.js';
import type { RosterWrite } from '../../roster.js';

const EVENTS_CHANNEL = 'gridsweep:committed-events:v1';
const ROSTER_CHANNEL = 'gridsweep:roster-writes:v1';
const CATALOGUE_CHANNEL = 'gridsweep:catalogue-writes:v1';

interface CommittedMessage {
  readonly origin: string;
  readonly events: readonly SweepEvent[];
}

interface RosterMessage {
  readonly origin: string;
  readonly write: RosterWrite;
}

interface CatalogueMessage {
  readonly origin: string;
  readonly write: CatalogueWrite;
}

/**
 * For several server processes behind a load balancer (REDIS_URL set): the
 * socket.io Redis adapter carries room broadcasts (the activity ticker) to
 * every process, and each process publishes the events, roster writes and
 * catalogue writes (templates, rules, levels) it commits so that every other
 * process counts and knows them too. All go out on one connection, so another
 * process hears a template before the round that names it. Each process then streams its own
 * subscribers from its own engine; PostgreSQL stays the source of truth, and
 * a restarted process rebuilds from it.
 */
export const redisFanoutPlugin = fp(
  async (fastify) => {
    const url = fastify.appOptions.config.redisUrl;
    if (!url) return;
    const origin = randomUUID();
    const adapterPub = createClient({ url });
    const adapterSub = adapterPub.duplicate();
    const eventsSub = adapterPub.duplicate();
    const clients = [adapterPub, adapterSub, eventsSub];
    for (const client of clients) client.on('error', (error: unknown) => fastify.log.error({ err: error }, 'redis connection error'));
    await Promise.all(clients.map((client) => client.connect()));
    fastify.io.adapter(createAdapter(adapterPub, adapterSub));

    await eventsSub.subscribe(EVENTS_CHANNEL, (text) => {
      const message = JSON.parse(text) as CommittedMessage;
      if (message.origin !== origin) fastify.counting.applyRemote(message.events);
    });
    await eventsSub.subscribe(ROSTER_CHANNEL, (text) => {
      const message = JSON.parse(text) as RosterMessage;
      if (message.origin === origin) return;
      try {
        fastify.roster.applyRemote(message.write);
      } catch (error) {
        // A write whose parent this process has not heard of (a lost message): a restart reads it from the database.
        fastify.log.error({ err: error }, 'could not mirror a roster write of another process; restart this one to catch up');
      }
    });
    await eventsSub.subscribe(CATALOGUE_CHANNEL, (text) => {
      const message = JSON.parse(text) as CatalogueMessage;
      if (message.origin !== origin) fastify.campaigns.applyRemote(message.write);
    });
    const publish = (channel: string, message: CommittedMessage | RosterMessage | CatalogueMessage, what: string): void => {
      adapterPub.publish(channel, JSON.stringify(message)).catch((error: unknown) => {
        fastify.log.error({ err: error }, `could not publish ${what} to the other processes`);
      });
    };
    const stopEvents = fastify.counting.committed.subscribe((events) => publish(EVENTS_CHANNEL, { origin, events }, 'committed events'));
    const stopRoster = fastify.roster.onWrite((write) => publish(ROSTER_CHANNEL, { origin, write }, 'a roster write'));
    const stopCatalogue = fastify.campaigns.onWrite((write) => publish(CATALOGUE_CHANNEL, { origin, write }, 'a catalogue write'));
    fastify.log.info('redis fan-out on: socket.io adapter and committed events shared with other processes');
    fastify.addHook('onClose', async () => {
      stopEvents();
      stopRoster();
      stopCatalogue();
      await Promise.all(clients.map((client) => client.quit()));
    });
  },
  { name: 'redis-fanout', dependencies: ['socket-io', 'campaigns', 'counting', 'roster'] },
);
