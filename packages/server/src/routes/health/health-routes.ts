import { getHealth } from '@gridsweep/contract';
import type { FastifyInstance } from 'fastify';
import { served, typed } from '../typed.js';

export async function healthRoutes(fastify: FastifyInstance): Promise<void> {
  typed(fastify).route({ ...served(getHealth), config: { access: 'public' }, handler: async () => ({ status: 'ok' as const, storage: fastify.storage.kind }) });
}
