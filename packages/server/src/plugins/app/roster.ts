import fp from 'fastify-plugin';
import { Roster } from '../../roster.js';

declare module 'fastify' {
  interface FastifyInstance {
    roster: Roster;
  }
}

/** Loads the stored roster into memory, feeding the counting engine as it goes. */
export const rosterPlugin = fp(
  async (fastify) => {
    const roster = new Roster(fastify.territoryRepository, fastify.roundRepository);
    roster.listen(fastify.counting);
    await roster.load();
    fastify.decorate('roster', roster);
    const size = roster.territory.size;
    fastify.log.info({ ...size, rounds: roster.allRounds().length }, 'roster loaded');
  },
  { name: 'roster', dependencies: ['repositories', 'counting'] },
);
