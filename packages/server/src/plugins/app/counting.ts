import { CountingEngine } from '@gridsweep/core';
import fp from 'fastify-plugin';
import { CountingService } from '../../counting/counting-service.js';

declare module 'fastify' {
  interface FastifyInstance {
    counting: CountingService;
  }
}

/**
 * The core's counting engine with every stored template and the stored
 * levels, told of every template and levels change after start (on this
 * process or another), fed by the roster and the ingest; its changes go out
 * on `counting.bus`.
 */
export const countingPlugin = fp(
  async (fastify) => {
    const { campaigns } = fastify;
    const engine = new CountingEngine({ levels: campaigns.levels, templates: campaigns.allTemplates() });
    campaigns.onTemplate((template) => engine.addTemplate(template));
    campaigns.onLevels((levels) => engine.setLevels(levels));
    const counting = new CountingService(engine, (error) => fastify.log.error({ err: error }, 'a counts-bus listener failed'));
    fastify.decorate('counting', counting);
  },
  { name: 'counting', dependencies: ['campaigns'] },
);
