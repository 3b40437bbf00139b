import fp from 'fastify-plugin';
import { EventIngest } from '../../ingest/event-ingest.js';

declare module 'fastify' {
  interface FastifyInstance {
    ingest: EventIngest;
  }
}

/**
 * Replays the stored event log into the counting engine, then opens the
 * ingest. Replaying is exact because applying events is idempotent and
 * order-free, so counts after a restart equal counts before it.
 */
export const ingestPlugin = fp(
  async (fastify) => {
    const { counting, eventLog, roster } = fastify;
    let replayed = 0;
    let refused = 0;
    for await (const page of eventLog.all()) {
      refused += counting.applyStored(page);
      replayed += page.length;
    }
    counting.takeChanges();
    fastify.log.info({ events: replayed, refused }, 'counts rebuilt from the event log');
    const ingest = new EventIngest(
      fastify.storage.db,
      eventLog,
      (input, path, caller) => roster.validateEvent(input, path, caller),
      (events) => counting.applyCommitted(events),
      fastify.appOptions.commitMode ?? 'grouped',
    );
    fastify.decorate('ingest', ingest);
    fastify.addHook('onClose', async () => ingest.drained());
  },
  { name: 'ingest', dependencies: ['repositories', 'roster', 'counting'] },
);
