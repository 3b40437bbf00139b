import type { Operation } from '@gridsweep/contract';
import type { FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { AccessPolicy } from '../../access/access-policy.js';
import { AuditLog, type AuditEntry } from '../../access/audit-log.js';
import { WALL_PRINCIPAL, type Principal } from '../../access/principal.js';
import { RateLimiter } from '../../access/rate-limiter.js';
import { accessOf, auditTarget, checkRouteDeclaration, unservedOperations, type RouteDeclaration } from '../../access/route-access.js';
import { sameSecret } from '../../access/secrets.js';
import { SessionStore } from '../../access/session-store.js';
import { UserStore } from '../../access/user-store.js';
import { resolveWallToken } from '../../access/wall-token.js';
import { DEFAULT_ACCESS } from '../../config.js';
import { ApiError } from '../../errors/api-error.js';
import { SocketGuard } from '../../access/socket-guard.js';

export interface AccessServices {
  readonly users: UserStore;
  readonly sessions: SessionStore;
  readonly audit: AuditLog;
  readonly policy: AccessPolicy;
  readonly limiter: RateLimiter;
  readonly wallToken: string;
  /** Every route with its declared access, as registered. */
  readonly routes: readonly RouteDeclaration[];
  /** Who a bearer token belongs to: the wall, a live session, or nobody. */
  principalOf(token: string | undefined): Promise<Principal | null>;
  /** Revokes the user: sessions end and their sockets close now on this process, within seconds on the others. */
  revokeUser(userId: string): Promise<boolean>;
  /** Logout of one session. */
  endSession(sessionHash: string): Promise<void>;
  /** The audit entry of a request to an audited route, for a handler that commits it with its own write (then sets `auditRecorded`). */
  auditEntry(request: FastifyRequest, detail: Record<string, unknown>): AuditEntry;
}

declare module 'fastify' {
  interface FastifyInstance {
    access: AccessServices;
  }
  interface FastifyRequest {
    principal: Principal | null;
    /** Set by a write handler to add figures to its audit entry (events accepted, ...). */
    auditDetail: Record<string, unknown> | null;
    /** Set by a write handler that committed its audit entry in its own transaction: the answer does not wait for a second insert. */
    auditRecorded: boolean;
  }
}

/** How often live sockets are checked against their sessions (revocation, expiry, idle). */
const SOCKET_RECHECK_MS = 15_000;

function bearerOf(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  const match = header === undefined ? null : /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1];
}

/**
 * Who may do what, enforced for every route and every socket: authentication
 * and the role check before the body is even read, the territorial scope
 * check once it is, the per-user rate limit, and the audit entry of each
 * write before its answer leaves.
 */
export const accessPlugin = fp(
  async (fastify) => {
    const { db } = fastify.storage;
    const config = fastify.appOptions.config.access ?? DEFAULT_ACCESS;
    const users = new UserStore(db);
    const sessions = new SessionStore(db, {
      lifetimeMs: config.sessionLifetimeMinutes * 60_000,
      idleMs: config.sessionIdleMinutes * 60_000,
    }, fastify.appOptions.sessionClock);
    const audit = new AuditLog(db);
    const policy = new AccessPolicy(fastify.roster);
    const limiter = new RateLimiter(config.rateLimitPerMinute);
    const wallToken = await resolveWallToken(db, config.wallToken);

    const principalOf = async (token: string | undefined): Promise<Principal | null> => {
      if (token === undefined || token === '') return null;
      if (sameSecret(token, wallToken)) return WALL_PRINCIPAL;
      return sessions.principalOf(token);
    };
    const guard = new SocketGuard(fastify.io, sessions, principalOf, fastify.appOptions.socketRecheckMs ?? SOCKET_RECHECK_MS);

    const auditEntry = (request: FastifyRequest, detail: Record<string, unknown> | null): AuditEntry => {
      const routeAudit = request.routeOptions.config.audit!;
      const principal = request.principal!;
      return {
        actorId: principal.id,
        actorRole: principal.role,
        action: routeAudit.action,
        target: auditTarget(request, routeAudit),
        reason: routeAudit.reason?.(request) ?? null,
        source: request.ip,
        ...(detail ? { detail } : {}),
      };
    };

    const routes: RouteDeclaration[] = [];
    const services: AccessServices = {
      routes,
      users,
      sessions,
      audit,
      policy,
      limiter,
      wallToken,
      principalOf,
      async revokeUser(userId) {
        const revoked = await users.revoke(userId);
        if (revoked) {
          await sessions.closeAllOf(userId);
          guard.disconnectUser(userId);
        }
        return revoked;
      },
      async endSession(sessionHash) {
        await sessions.close(sessionHash);
        guard.disconnectSession(sessionHash);
      },
      auditEntry,
    };
    fastify.decorate('access', services);
    fastify.decorateRequest('principal', null);
    fastify.decorateRequest('auditDetail', null);
    fastify.decorateRequest('auditRecorded', false);

    const served = new Set<Operation>();
    fastify.addHook('onRoute', (route) => {
      const op = checkRouteDeclaration(route);
      if (op) served.add(op);
      const access = route.config?.access;
      if (access !== undefined) {
        for (const method of [route.method].flat()) if (method !== 'HEAD') routes.push({ method, url: route.url, access, audit: route.config?.audit });
      }
    });

    fastify.addHook('onRequest', async (request, reply) => {
      const access = accessOf(request);
      if (access === 'public') return;
      const principal = await principalOf(bearerOf(request));
      request.principal = principal;
      if (principal === null) {
        void reply.header('www-authenticate', 'Bearer');
        throw new ApiError('UNAUTHENTICATED');
      }
      if (access === 'shut') throw new ApiError('FORBIDDEN');
      if (typeof access === 'object' && !policy.can(principal, access.permission)) throw new ApiError('FORBIDDEN');
      // Every wall shares one credential but sits at its own address in a command centre.
      const decision = limiter.take(principal.sessionHash === null ? `wall@${request.ip}` : principal.id);
      if (!decision.allowed) {
        void reply.header('retry-after', String(decision.retryAfterSeconds));
        throw new ApiError('RATE_LIMITED');
      }
    });

    fastify.addHook('preHandler', async (request) => {
      // Public and signed-in routes name no territory; a permission route reaches here only signed in and allowed.
      if (typeof accessOf(request) !== 'object') return;
      policy.checkScope(request.principal!, { params: request.params, query: request.query, body: request.body }, { bodyValidated: request.routeOptions.config.scopedBody === true });
    });

    fastify.addHook('onSend', async (request, reply, payload) => {
      const routeAudit = request.routeOptions.config.audit;
      const principal = request.principal;
      if (!routeAudit || !principal || reply.statusCode >= 400 || request.auditRecorded) return payload;
      await audit.record(auditEntry(request, request.auditDetail));
      return payload;
    });

    fastify.addHook('onReady', async () => {
      const missing = unservedOperations(served);
      if (missing.length > 0) throw new Error(`no route serves ${missing.join(', ')}`);
    });

    fastify.addHook('onClose', async () => guard.stop());
  },
  { name: 'access', dependencies: ['database', 'roster', 'socket-io'] },
);
