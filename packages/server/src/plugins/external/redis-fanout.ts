import { createAdapter } from '@socket.io/redis-adapter';
import type { SweepEvent } from '@gridsweep/core';
import fp from 'fastify-plugin';
import { randomUUID } from 'node:crypto';
import { createClient } from 'redis';

const EVENTS_CHANNEL = 'gridsweep:committed-events:v1';

interface CommittedMessage {
  readonly origin: string;
  readonly events: readonly SweepEvent[];
}

/**
 * For several server processes behind a load balancer (REDIS_URL set): the
 * socket.io Redis adapter carries room broadcasts (the activity ticker) to
 * every process, and each process publishes the events it commits so that
 * every other process counts them too. Each process then streams its own
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
    const stop = fastify.counting.committed.subscribe((events) => {
      const message: CommittedMessage = { origin, events };
      adapterPub.publish(EVENTS_CHANNEL, JSON.stringify(message)).catch((error: unknown) => {
        fastify.log.error({ err: error }, 'could not publish committed events to the other processes');
      });
    });
    fastify.log.info('redis fan-out on: socket.io adapter and committed events shared with other processes');
    fastify.addHook('onClose', async () => {
      stop();
      await Promise.all(clients.map((client) => client.quit()));
    });
  },
  { name: 'redis-fanout', dependencies: ['socket-io', 'counting'] },
);
