import { getCurrentAccount, login, logout } from '@gridsweep/contract';
import type { FastifyInstance } from 'fastify';
import { UNUSABLE_HASH, verifyPassword } from '../../access/password-hash.js';
import type { Principal } from '../../access/principal.js';
import { RateLimiter } from '../../access/rate-limiter.js';
import { ApiError } from '../../errors/api-error.js';
import { served, typed } from '../typed.js';

/** Wrong passwords allowed per username before it must wait: guessing is slow, a typo is not punished. */
const FAILED_LOGINS_PER_15_MINUTES = 10;

export async function authRoutes(fastify: FastifyInstance): Promise<void> {
  const { users, sessions, audit, policy } = fastify.access;
  const api = typed(fastify);
  const failures = new RateLimiter(FAILED_LOGINS_PER_15_MINUTES / 15, { burst: FAILED_LOGINS_PER_15_MINUTES });

  const who = (principal: Principal) => ({
    id: principal.id,
    username: principal.username,
    role: principal.role,
    scope: principal.scope,
    rootAreaIds: policy.roots(principal).map((area) => area.id),
  });

  api.route({
    ...served(login),
    config: { access: 'public' },
    handler: async (request, reply) => {
      const { username, password } = request.body;
      const attemptKey = username.toLowerCase();
      const blocked = failures.check(attemptKey);
      if (!blocked.allowed) {
        void reply.header('retry-after', String(blocked.retryAfterSeconds));
        throw new ApiError('RATE_LIMITED', {}, 'Too many failed sign-ins for this username; wait for the time in Retry-After.');
      }
      const user = await users.byUsername(username);
      // The hash is checked even for an unknown name, so the answer's timing tells nothing.
      const matches = await verifyPassword(password, user?.passwordHash ?? UNUSABLE_HASH);
      if (!user || !matches || user.revoked) {
        failures.take(attemptKey);
        await audit.record({ actorId: username, actorRole: 'unknown', action: 'session.login-failed', target: `user:${username}`, source: request.ip });
        throw new ApiError('LOGIN_FAILED');
      }
      const opened = await sessions.open(user, request.ip);
      await audit.record({ actorId: user.id, actorRole: user.role, action: 'session.login', target: `user:${user.id}`, source: request.ip });
      const principal: Principal = { id: user.id, username: user.username, role: user.role, scope: user.scope, sessionHash: null };
      return { token: opened.token, expiresAt: opened.expiresAt, user: who(principal) };
    },
  });

  api.route({
    ...served(logout),
    config: { access: 'signed-in', audit: { action: 'session.logout', target: (request) => `user:${request.principal!.id}` } },
    handler: async (request, reply) => {
      const hash = request.principal!.sessionHash;
      if (hash !== null) await fastify.access.endSession(hash);
      return reply.code(204).send(null);
    },
  });

  api.route({ ...served(getCurrentAccount), config: { access: 'signed-in' }, handler: async (request) => who(request.principal!) });
}
