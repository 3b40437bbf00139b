import fp from 'fastify-plugin';
import { CampaignCatalogue } from '../../campaigns/campaign-catalogue.js';
import { CampaignRepository } from '../../repositories/campaign-repository.js';

declare module 'fastify' {
  interface FastifyInstance {
    campaigns: CampaignCatalogue;
  }
}

/** The stored campaign templates, counting rules and levels; the built-in ones are stored on first start. */
export const campaignsPlugin = fp(
  async (fastify) => {
    const campaigns = new CampaignCatalogue(new CampaignRepository(fastify.storage.db));
    await campaigns.load();
    fastify.decorate('campaigns', campaigns);
  },
  { name: 'campaigns', dependencies: ['repositories'] },
);
