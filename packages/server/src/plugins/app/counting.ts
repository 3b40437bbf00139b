import { CountingEngine, DEFAULT_LEVELS, NUCLEIC_ACID_TEMPLATE, type AreaCounts, type AreaCountsDiff } from '@gridsweep/core';
import fp from 'fastify-plugin';
import { CountingService } from '../../counting/counting-service.js';

declare module 'fastify' {
  interface FastifyInstance {
    counting: CountingService<AreaCounts, AreaCountsDiff>;
  }
}

/** The core's counting engine, fed by the roster and the ingest; its diffs go out on `counting.bus`. */
export const countingPlugin = fp(
  async (fastify) => {
    const engine = new CountingEngine({ levels: DEFAULT_LEVELS, template: NUCLEIC_ACID_TEMPLATE });
    const counting = new CountingService<AreaCounts, AreaCountsDiff>(
      engine,
      (diff) => Object.keys(diff).length === 0,
      (error) => fastify.log.error({ err: error }, 'a counts-bus listener failed'),
    );
    fastify.decorate('counting', counting);
  },
  { name: 'counting' },
);
