import { getLevels, setLevels } from '@gridsweep/contract';
import type { FastifyInstance } from 'fastify';
import { served, typed } from '../typed.js';
import { CAMPAIGN_READ, CAMPAIGN_WRITE } from './campaign-route-config.js';

/** The territory's levels: read by whoever reads counts; changed by administrators, only their names while areas exist. */
export async function levelRoutes(fastify: FastifyInstance): Promise<void> {
  const { campaigns, roster } = fastify;
  const api = typed(fastify);

  api.route({
    ...served(getLevels),
    config: { access: CAMPAIGN_READ },
    handler: async () => ({ version: campaigns.levelsVersion, levels: campaigns.levels }),
  });

  api.route({
    ...served(setLevels),
    config: { access: CAMPAIGN_WRITE, audit: { action: 'levels.set' } },
    handler: async (request) => {
      // Stored areas keep their level ids and depths; the counting engine hears the new levels from the catalogue.
      const inUse = roster.territory.size.areas > 0 ? campaigns.levels.map((level) => level.id) : [];
      const stored = await campaigns.setLevels(request.body.levels, inUse, request.principal!.id);
      request.auditDetail = { version: stored.version };
      return stored;
    },
  });
}
