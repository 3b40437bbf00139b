import fp from 'fastify-plugin';
import type { AppOptions } from '../../app-options.js';

declare module 'fastify' {
  interface FastifyInstance {
    appOptions: AppOptions;
  }
}

/** Makes the application's options (config from the environment and explicit choices) available to every plugin. */
export const configPlugin = fp(
  async (fastify, options: AppOptions) => {
    fastify.decorate('appOptions', options);
  },
  { name: 'config' },
);
