import { ERRORS } from '@gridsweep/contract';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { fileURLToPath } from 'node:url';
import type { AppOptions } from './app-options.js';
import { installErrorHandling } from './errors/error-handler.js';
import { accessPlugin } from './plugins/app/access.js';
import { campaignsPlugin } from './plugins/app/campaigns.js';
import { countingPlugin } from './plugins/app/counting.js';
import { coverageHistoryPlugin } from './plugins/app/coverage-history.js';
import { ingestPlugin } from './plugins/app/ingest.js';
import { liveStreamPlugin } from './plugins/app/live-stream.js';
import { repositoriesPlugin } from './plugins/app/repositories.js';
import { rosterPlugin } from './plugins/app/roster.js';
import { configPlugin } from './plugins/external/config.js';
import { BASEMAP_PREFIX, serveBasemap } from './plugins/external/basemap.js';
import { serveDashboard } from './plugins/external/dashboard.js';
import { securityHeaders } from './plugins/external/security-headers.js';
import { databasePlugin } from './plugins/external/database.js';
import { openApiPlugin } from './plugins/external/openapi.js';
import { redisFanoutPlugin } from './plugins/external/redis-fanout.js';
import { socketIoPlugin } from './plugins/external/socket-io.js';
import { archiveRoutes } from './routes/archive/archive-routes.js';
import { auditRoutes } from './routes/audit/audit-routes.js';
import { authRoutes } from './routes/auth/auth-routes.js';
import { householdRoutes } from './routes/households/household-routes.js';
import { importRoutes } from './routes/imports/import-routes.js';
import { userRoutes } from './routes/users/user-routes.js';
import { buildingCountRoutes } from './routes/building-counts/building-count-routes.js';
import { countRoutes } from './routes/counts/count-routes.js';
import { reportRoutes } from './routes/reports/report-routes.js';
import { eventRoutes } from './routes/events/event-routes.js';
import { healthRoutes } from './routes/health/health-routes.js';
import { historyRoutes } from './routes/history/history-routes.js';
import { levelRoutes } from './routes/campaigns/level-routes.js';
import { rulesRoutes } from './routes/campaigns/rules-routes.js';
import { templateRoutes } from './routes/campaigns/template-routes.js';
import { roundRoutes } from './routes/rounds/round-routes.js';
import { sweepRoutes } from './routes/sweep/sweep-routes.js';
import { territoryRoutes } from './routes/territory/territory-routes.js';

// Resolved from this file, so it is right from src (tests, tsx) and from dist alike.
export const DEFAULT_DASHBOARD_DIR = fileURLToPath(new URL('../../dashboard/build', import.meta.url));

/**
 * The whole application as one Fastify plugin; server.ts only creates the
 * instance and listens. Not encapsulated, so whoever registers it (a test, the
 * demo start-up) reaches its services: `fastify.roster`, `fastify.ingest`, ...
 */
export function app(options: AppOptions) {
  return fp(async function gridsweepApp(fastify: FastifyInstance): Promise<void> {
    installErrorHandling(fastify);
    // First, so every answer carries the headers: pages, files, API answers and errors alike.
    await securityHeaders(fastify, options.dashboardDir ?? DEFAULT_DASHBOARD_DIR);
    await fastify.register(configPlugin, options);
    await fastify.register(databasePlugin);
    await fastify.register(repositoriesPlugin);
    await fastify.register(campaignsPlugin);
    await fastify.register(countingPlugin);
    await fastify.register(rosterPlugin);
    await fastify.register(ingestPlugin);
    await fastify.register(coverageHistoryPlugin);
    await fastify.register(socketIoPlugin);
    await fastify.register(redisFanoutPlugin);
    // Before any route, so that a route without an access declaration fails at start-up.
    await fastify.register(accessPlugin);
    await fastify.register(liveStreamPlugin);
    await fastify.register(openApiPlugin);

    // Each route serves an operation of @gridsweep/contract at the contract's own path.
    const apiRoutes = [
      healthRoutes,
      authRoutes,
      userRoutes,
      auditRoutes,
      territoryRoutes,
      householdRoutes,
      roundRoutes,
      archiveRoutes,
      templateRoutes,
      rulesRoutes,
      levelRoutes,
      eventRoutes,
      countRoutes,
      buildingCountRoutes,
      historyRoutes,
      importRoutes,
      sweepRoutes,
      reportRoutes,
    ];
    for (const routes of apiRoutes) await fastify.register(routes);

    await serveBasemap(fastify, options.config.basemapDir);
    const spaFallback = await serveDashboard(fastify, options.dashboardDir ?? DEFAULT_DASHBOARD_DIR);
    fastify.setNotFoundHandler((request, reply) => {
      // A basemap file that is not there is a 404 the map can tell apart, not the dashboard's page.
      const isPage = (request.method === 'GET' || request.method === 'HEAD') && !request.url.startsWith('/api') && !request.url.startsWith(BASEMAP_PREFIX);
      if (spaFallback !== null && isPage) return reply.type('text/html; charset=utf-8').send(spaFallback);
      return reply.code(404).send({ code: 'ROUTE_NOT_FOUND', message: ERRORS.ROUTE_NOT_FOUND.message, requestId: request.id });
    });
  }, { name: 'gridsweep' });
}
