import type { FastifyInstance } from 'fastify';

const healthSchema = {
  summary: 'Whether the server is up, and on which storage',
  tags: ['health'],
  response: {
    200: {
      type: 'object',
      additionalProperties: false,
      required: ['status', 'storage'],
      properties: { status: { const: 'ok' }, storage: { enum: ['postgres', 'pglite'] } },
    },
  },
} as const;

export async function healthRoutes(fastify: FastifyInstance): Promise<void> {
  fastify.get('/health', { schema: healthSchema, config: { access: 'public' } }, async () => ({ status: 'ok' as const, storage: fastify.storage.kind }));
}
