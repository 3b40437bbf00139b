import fp from 'fastify-plugin';
import { storageOptionsOf } from '../../app-options.js';
import { openStorage, type Storage } from '../../db/open-database.js';

declare module 'fastify' {
  interface FastifyInstance {
    storage: Storage;
  }
}

/** Opens PostgreSQL or the embedded PGlite, migrates it, and closes it with the server. */
export const databasePlugin = fp(
  async (fastify) => {
    const storage = await openStorage(storageOptionsOf(fastify.appOptions));
    fastify.decorate('storage', storage);
    fastify.addHook('onClose', async () => storage.close());
    fastify.log.info({ storage: storage.kind }, 'database ready');
  },
  { name: 'database', dependencies: ['config'] },
);
