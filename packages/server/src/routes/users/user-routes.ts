import { createUser, listUsers, revokeUser } from '@gridsweep/contract';
import type { FastifyInstance } from 'fastify';
import { ApiError, validationFailed } from '../../errors/api-error.js';
import { served, typed } from '../typed.js';
import { scopeIssues } from './scope-rules.js';

export async function userRoutes(fastify: FastifyInstance): Promise<void> {
  const { users } = fastify.access;
  const manage = { permission: 'users.manage' } as const;
  const api = typed(fastify);

  api.route({ ...served(listUsers), config: { access: manage }, handler: async () => users.all() });

  api.route({
    ...served(createUser),
    config: { access: manage, audit: { action: 'user.create', target: (request) => `user:${(request.body as { username: string }).username}` } },
    handler: async (request, reply) => {
      const issues = scopeIssues(request.body.role, request.body.scope, fastify.roster);
      if (issues.length > 0) throw validationFailed(issues);
      if (await users.byUsername(request.body.username)) throw new ApiError('ALREADY_EXISTS', {}, `An account named ${request.body.username} exists.`);
      request.auditDetail = { role: request.body.role, scope: request.body.scope };
      return reply.code(201).send(await users.create(request.body));
    },
  });

  api.route({
    ...served(revokeUser),
    config: { access: manage, audit: { action: 'user.revoke' } },
    handler: async (request) => {
      if (!(await fastify.access.revokeUser(request.params.userId))) throw new ApiError('USER_NOT_FOUND');
      return (await users.byId(request.params.userId))!;
    },
  });
}
