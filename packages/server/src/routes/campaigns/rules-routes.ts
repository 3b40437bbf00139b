import { createRules, getRules, listRules } from '@gridsweep/contract';
import type { FastifyInstance } from 'fastify';
import { ApiError } from '../../errors/api-error.js';
import { served, typed } from '../typed.js';
import { byIdThenVersion, CAMPAIGN_READ, CAMPAIGN_WRITE, versioned } from './campaign-route-config.js';

/** Counting rules: every stored version readable by whoever reads counts, new versions by administrators. */
export async function rulesRoutes(fastify: FastifyInstance): Promise<void> {
  const { campaigns } = fastify;
  const api = typed(fastify);

  api.route({
    ...served(listRules),
    config: { access: CAMPAIGN_READ },
    handler: async () => ({
      rules: campaigns.allRules().sort(byIdThenVersion).map(({ id, version, templateId, name }) => ({ id, version, templateId, name })),
    }),
  });

  api.route({
    ...served(getRules),
    config: { access: CAMPAIGN_READ },
    handler: async (request) => {
      const rules = campaigns.rules(request.params.rulesId, request.query.version);
      if (!rules) throw new ApiError('RULES_NOT_FOUND');
      return rules;
    },
  });

  api.route({
    ...served(createRules),
    config: { access: CAMPAIGN_WRITE, audit: { action: 'rules.create', target: (request) => versioned('rules', request.body) } },
    handler: async (request, reply) => reply.code(201).send(await campaigns.addRules(request.body, request.principal!.id)),
  });
}
