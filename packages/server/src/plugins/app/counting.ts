import fp from 'fastify-plugin';
import { CountingService } from '../../counting/counting-service.js';

declare module 'fastify' {
  interface FastifyInstance {
    counting: CountingService<unknown, unknown>;
  }
}

export const countingPlugin = fp(
  async (fastify) => {
    const noop = () => {};
    const engine = { addArea: noop, addBuilding: noop, addHousehold: noop, addMember: noop, openRound: noop, apply: noop, takeChanges: () => ({}), counts: () => ({}) };
    fastify.decorate('counting', new CountingService<unknown, unknown>(engine, () => true));
  },
  { name: 'counting' },
);
