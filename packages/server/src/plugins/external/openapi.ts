import { BEARER, OPERATION_TAGS } from '@gridsweep/contract';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fp from 'fastify-plugin';

/**
 * Builds the OpenAPI document from the route schemas, which are the
 * operations of @gridsweep/contract (so it cannot drift from what the server
 * checks or what clients send), serves it at /api/openapi.json and browsable
 * docs at /api/docs. The docs' scripts and styles ship inside
 * @fastify/swagger-ui, so they work with no internet.
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
          license: { name: 'MIT', identifier: 'MIT' },
        },
        // Relative: the document is served by the server it describes, whatever its address.
        servers: [{ url: '/', description: 'This gridsweep server' }],
        tags: OPERATION_TAGS.map((tag) => ({ ...tag })),
        components: {
          securitySchemes: {
            [BEARER]: {
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
