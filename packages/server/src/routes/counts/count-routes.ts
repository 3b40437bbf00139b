import type { FastifyInstance } from 'fastify';

export async function countRoutes(_fastify: FastifyInstance): Promise<void> {}
