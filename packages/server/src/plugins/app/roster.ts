import fp from 'fastify-plugin';
import { Roster } from '../../roster.js';

declare module 'fastify' {
  interface FastifyInstance {
    roster: Roster;
  }
}

const PROGRESS_EVERY_HOUSEHOLDS = 500_000;

/** Loads the stored roster into the counting engine, a page at a time, and opens the stored rounds. */
export const rosterPlugin = fp(
  async (fastify) => {
    const roster = new Roster(fastify.counting.engine, fastify.campaigns, fastify.territoryRepository, fastify.roundRepository);
    let reported = 0;
    await roster.load(({ households, members }) => {
      if (households - reported < PROGRESS_EVERY_HOUSEHOLDS) return;
      reported = households;
      fastify.log.info({ households, members }, 'roster loading');
    });
    roster.loadArchive(await fastify.archiveRepository.archived());
    fastify.decorate('roster', roster);
    fastify.log.info({ ...roster.territory.size, rounds: roster.allRounds().length }, 'roster loaded');
  },
  { name: 'roster', dependencies: ['repositories', 'counting'] },
);
