import { createTemplate, getTemplate, listTemplates } from '@gridsweep/contract';
import type { FastifyInstance } from 'fastify';
import { ApiError } from '../../errors/api-error.js';
import { served, typed } from '../typed.js';
import { byIdThenVersion, CAMPAIGN_READ, CAMPAIGN_WRITE, versioned } from './campaign-route-config.js';

/** Campaign templates: every stored version readable by whoever reads counts, new versions by administrators. */
export async function templateRoutes(fastify: FastifyInstance): Promise<void> {
  const { campaigns } = fastify;
  const api = typed(fastify);

  api.route({
    ...served(listTemplates),
    config: { access: CAMPAIGN_READ },
    handler: async () => ({ templates: campaigns.allTemplates().sort(byIdThenVersion).map(({ id, version, name }) => ({ id, version, name })) }),
  });

  api.route({
    ...served(getTemplate),
    config: { access: CAMPAIGN_READ },
    handler: async (request) => {
      const template = campaigns.template(request.params.templateId, request.query.version);
      if (!template) throw new ApiError('TEMPLATE_NOT_FOUND');
      return template;
    },
  });

  api.route({
    ...served(createTemplate),
    config: { access: CAMPAIGN_WRITE, audit: { action: 'template.create', target: (request) => versioned('template', request.body) } },
    handler: async (request, reply) => reply.code(201).send(await campaigns.addTemplate(request.body, request.principal!.id)),
  });
}
