import fp from 'fastify-plugin';
import { EventLog } from '../../repositories/event-log.js';
import { RoundRepository } from '../../repositories/round-repository.js';
import { TerritoryRepository } from '../../repositories/territory-repository.js';

declare module 'fastify' {
  interface FastifyInstance {
    territoryRepository: TerritoryRepository;
    roundRepository: RoundRepository;
    eventLog: EventLog;
  }
}

export const repositoriesPlugin = fp(
  async (fastify) => {
    const { db } = fastify.storage;
    fastify.decorate('territoryRepository', new TerritoryRepository(db));
    fastify.decorate('roundRepository', new RoundRepository(db));
    fastify.decorate('eventLog', new EventLog(db));
  },
  { name: 'repositories', dependencies: ['database'] },
);
