import type { AccessScope, Role } from '@gridsweep/core';
import type { FastifyInstance } from 'fastify';
import { ApiError, validationFailed } from '../../errors/error-catalogue.js';
import { scopeIssues } from './scope-rules.js';
import { createUserSchema, listUsersSchema, revokeUserSchema } from './user-schemas.js';

interface NewUserBody {
  username: string;
  displayName: string;
  role: Role;
  scope: AccessScope;
  password: string;
}

export async function userRoutes(fastify: FastifyInstance): Promise<void> {
  const { users } = fastify.access;
  const manage = { permission: 'users.manage' } as const;

  fastify.get('/users', { schema: listUsersSchema, config: { access: manage } }, async () => users.all());

  fastify.post<{ Body: NewUserBody }>(
    '/users',
    { schema: createUserSchema, config: { access: manage, audit: { action: 'user.create', target: (request) => `user:${(request.body as NewUserBody).username}` } } },
    async (request, reply) => {
      const issues = scopeIssues(request.body.role, request.body.scope, fastify.roster);
      if (issues.length > 0) throw validationFailed(issues);
      if (await users.byUsername(request.body.username)) throw new ApiError('ALREADY_EXISTS', {}, `An account named ${request.body.username} exists.`);
      request.auditDetail = { role: request.body.role, scope: request.body.scope };
      return reply.code(201).send(await users.create(request.body));
    },
  );

  fastify.post<{ Params: { userId: string } }>(
    '/users/:userId/revoke',
    { schema: revokeUserSchema, config: { access: manage, audit: { action: 'user.revoke' } } },
    async (request) => {
      if (!(await fastify.access.revokeUser(request.params.userId))) throw new ApiError('USER_NOT_FOUND');
      return (await users.byId(request.params.userId))!;
    },
  );
}
