import { getCurrentAccount, login, logout } from '@gridsweep/contract';
import type { FastifyInstance } from 'fastify';
import { UNUSABLE_HASH, verifyPassword } from '../../access/password-hash.js';
import type { Principal } from '../../access/principal.js';
import { DEFAULT_SIGN_IN_LIMITS, SignInGuard } from '../../access/sign-in-guard.js';
import { DEFAULT_ACCESS, type WallConfig } from '../../config.js';
import { ApiError } from '../../errors/api-error.js';
import { served, typed } from '../typed.js';

const REFUSALS = {
  address: 'Too many sign-ins from your address; wait for the time in Retry-After.',
  locked: 'Too many failed sign-ins for this username from your address; wait for the time in Retry-After.',
  busy: 'Too many sign-ins at once; try again in a second.',
} as const;

export async function authRoutes(fastify: FastifyInstance): Promise<void> {
  const { users, sessions, audit, policy } = fastify.access;
  const api = typed(fastify);
  const access = fastify.appOptions.config.access ?? DEFAULT_ACCESS;
  const guard = new SignInGuard(audit, {
    ...DEFAULT_SIGN_IN_LIMITS,
    perAddressPerMinute: access.signInsPerAddressPerMinute,
    summaryMs: fastify.appOptions.signInSummaryMs ?? DEFAULT_SIGN_IN_LIMITS.summaryMs,
  });
  // Before the database closes, so the last period's failures reach the audit log.
  fastify.addHook('preClose', async () => guard.stop());
  const refuse = (reply: { header(name: string, value: string): unknown }, seconds: number, why: keyof typeof REFUSALS): never => {
    reply.header('retry-after', String(seconds));
    throw new ApiError('RATE_LIMITED', {}, REFUSALS[why]);
  };

  const wall = wallView(fastify.appOptions.config.wall);
  const who = (principal: Principal) => ({
    id: principal.id,
    username: principal.username,
    role: principal.role,
    scope: principal.scope,
    rootAreaIds: policy.roots(principal).map((area) => area.id),
    // Only the wall's own view follows the configuration; accounts choose for themselves.
    ...(principal.role === 'wall' && wall ? { wall } : {}),
  });

  api.route({
    ...served(login),
    config: { access: 'public' },
    handler: async (request, reply) => {
      const { username, password } = request.body;
      // Nothing is hashed for an address over its budget, or a username locked for this address.
      const admitted = guard.admit(username, request.ip);
      if (!admitted.allowed) return refuse(reply, admitted.retryAfterSeconds, admitted.why ?? 'address');
      const user = await users.byUsername(username);
      // The hash is checked even for an unknown name, so the answer's timing tells nothing.
      const matches = await guard.hashing(request.ip, () => verifyPassword(password, user?.passwordHash ?? UNUSABLE_HASH));
      if (matches === null) return refuse(reply, 1, 'busy');
      if (!user || !matches || user.revoked) {
        // Summarised per address in the audit log, not a row per attempt: a flood cannot fill it.
        guard.failed(username, request.ip);
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

/** What the wall's view follows, as the account answer carries it; undefined when nothing is configured. */
function wallView(config: WallConfig | undefined): { roundId?: string; areaId?: string } | undefined {
  if (!config || (config.roundId === null && config.areaId === null)) return undefined;
  return { ...(config.roundId !== null ? { roundId: config.roundId } : {}), ...(config.areaId !== null ? { areaId: config.areaId } : {}) };
}
