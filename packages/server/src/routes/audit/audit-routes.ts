import type { FastifyInstance } from 'fastify';
import { auditSchema } from './audit-schemas.js';

export async function auditRoutes(fastify: FastifyInstance): Promise<void> {
  fastify.get<{ Querystring: { limit: number; before?: number } }>(
    '/audit',
    { schema: auditSchema, config: { access: { permission: 'audit.read' } } },
    async (request) => fastify.access.audit.recent(request.query),
  );
}
