import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const PLACEHOLDER_PAGE = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>gridsweep 扫楼</title></head>
<body><h1>gridsweep 扫楼</h1><p>服务器已启动。The server is running.</p>
<p><a href="/api/docs">API 文档 / API docs</a></p></body></html>`;

/** The page an unknown browser path gets: the dashboard's single-page fallback, or null without a dashboard. */
export type SpaFallback = string | null;

/**
 * Serves the dashboard's static build at / when it has been built, else a
 * placeholder page. Returns the fallback page the not-found handler sends for
 * deep links (/wall, /sweep/...), which the dashboard routes itself.
 */
export async function serveDashboard(fastify: FastifyInstance, dashboardDir: string): Promise<SpaFallback> {
  const fallbackFile = ['200.html', 'index.html'].map((name) => join(dashboardDir, name)).find((path) => existsSync(path));
  if (!fallbackFile) {
    fastify.get('/', { schema: { hide: true } }, async (_request, reply) => reply.type('text/html; charset=utf-8').send(PLACEHOLDER_PAGE));
    return null;
  }
  await fastify.register(fastifyStatic, { root: dashboardDir, prefix: '/', decorateReply: false });
  return readFileSync(fallbackFile, 'utf8');
}
