import { listAuditEntries } from '@gridsweep/contract';
import type { FastifyInstance } from 'fastify';
import { served, typed } from '../typed.js';

export async function auditRoutes(fastify: FastifyInstance): Promise<void> {
  typed(fastify).route({
    ...served(listAuditEntries),
    config: { access: { permission: 'audit.read' } },
    handler: async (request) => fastify.access.audit.recent(request.query),
  });
}
