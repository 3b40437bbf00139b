import fp from 'fastify-plugin';
import { sql } from 'kysely';
import { ArchiveRepository } from '../../repositories/archive-repository.js';
import { EventLog } from '../../repositories/event-log.js';
import { RoundRepository } from '../../repositories/round-repository.js';
import { TerritoryRepository } from '../../repositories/territory-repository.js';

declare module 'fastify' {
  interface FastifyInstance {
    territoryRepository: TerritoryRepository;
    roundRepository: RoundRepository;
    eventLog: EventLog;
    archiveRepository: ArchiveRepository;
  }
}

export const repositoriesPlugin = fp(
  async (fastify) => {
    const { db, kind } = fastify.storage;
    const checkpoint = async () => void (await sql`checkpoint`.execute(db));
    fastify.decorate('territoryRepository', new TerritoryRepository(db, kind === 'pglite' ? checkpoint : undefined));
    fastify.decorate('roundRepository', new RoundRepository(db));
    fastify.decorate('eventLog', new EventLog(db));
    fastify.decorate('archiveRepository', new ArchiveRepository(db));
  },
  { name: 'repositories', dependencies: ['database'] },
);
