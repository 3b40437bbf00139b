import { listAuditEntries, listRevealRates } from '@gridsweep/contract';
import type { FastifyInstance } from 'fastify';
import { revealRates } from '../../access/reveal-rates.js';
import { DEFAULT_ACCESS } from '../../config.js';
import { served, typed } from '../typed.js';

export async function auditRoutes(fastify: FastifyInstance): Promise<void> {
  const api = typed(fastify);
  const access = fastify.appOptions.config.access ?? DEFAULT_ACCESS;
  const limit = { perWindow: access.revealsPerWindow, windowMinutes: access.revealWindowMinutes };

  api.route({
    ...served(listAuditEntries),
    config: { access: { permission: 'audit.read' } },
    handler: async (request) => fastify.access.audit.recent(request.query),
  });

  api.route({
    ...served(listRevealRates),
    config: { access: { permission: 'audit.read' } },
    handler: async (request) => revealRates(fastify.storage.db, limit, request.query.minutes ?? limit.windowMinutes),
  });
}
