import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fp from 'fastify-plugin';

/**
 * Builds the OpenAPI document from the route schemas (so it cannot drift from
 * what the server checks), serves it at /api/openapi.json and browsable docs
 * at /api/docs. The docs' scripts and styles ship inside @fastify/swagger-ui,
 * so they work with no internet.
 */
export const openApiPlugin = fp(
  async (fastify) => {
    await fastify.register(swagger, {
      openapi: {
        openapi: '3.1.0',
        info: {
          title: 'gridsweep API',
          version: '1',
          description: 'Territory, rounds, sweep-event ingest and live counts of door-to-door sweep campaigns.',
        },
        tags: [
          { name: 'territory', description: 'Areas, buildings, households and members' },
          { name: 'rounds', description: 'Campaign passes' },
          { name: 'events', description: 'Sweep events from the field' },
          { name: 'counts', description: 'Counts and the figures derived from them' },
          { name: 'health', description: 'Liveness' },
          { name: 'access', description: 'Sign-in, accounts and the audit log' },
        ],
        components: {
          securitySchemes: {
            bearer: {
              type: 'http',
              scheme: 'bearer',
              description: 'A session token from POST /api/v1/auth/login, or the wall token (counts only).',
            },
          },
        },
      },
    });
    // No CSP from swagger-ui: its default includes upgrade-insecure-requests, which breaks the page over plain HTTP on a LAN address.
    await fastify.register(swaggerUi, { routePrefix: '/api/docs' });
    fastify.get('/api/openapi.json', { schema: { hide: true } }, async () => fastify.swagger());
  },
  { name: 'openapi' },
);
