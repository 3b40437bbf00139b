import type { FastifyInstance } from 'fastify';
import type { ServerConfig } from './config.js';

const PLACEHOLDER_PAGE = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>gridsweep 扫楼</title></head>
<body><h1>gridsweep 扫楼</h1><p>服务器已启动。The server is running.</p></body></html>`;

/** The whole application as one Fastify plugin; main.ts only creates the instance and listens. */
export function app(config: ServerConfig) {
  return async function gridsweepApp(fastify: FastifyInstance): Promise<void> {
    fastify.get('/api/health', async () => ({ status: 'ok', storage: config.databaseUrl ? 'postgres' : 'pglite' }));
    fastify.get('/', async (_request, reply) => reply.type('text/html; charset=utf-8').send(PLACEHOLDER_PAGE));
  };
}
