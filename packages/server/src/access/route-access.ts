import type { FastifyRequest } from 'fastify';
import { errorSchema } from '../routes/shared/common-schemas.js';
import type { RouteAccess } from './access-policy.js';

/** What a write route records in the audit log: the action, and what it was done to. */
export interface RouteAudit {
  readonly action: string;
  /** Defaults to `<noun of the action>:<body.id or the last path parameter>`. */
  readonly target?: (request: FastifyRequest) => string;
  /** Why, in the caller's words, where the route asks for one (a reveal). */
  readonly reason?: (request: FastifyRequest) => string;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Who may call the route; every /api route must say. */
    access?: RouteAccess;
    /** Every write route must say what it records. */
    audit?: RouteAudit;
  }
}

/** The API documentation is public, like health and login; it holds no data. */
export function isDocumentation(url: string): boolean {
  return url === '/api/openapi.json' || url === '/api/docs' || url.startsWith('/api/docs/');
}

export function isApi(url: string): boolean {
  return url === '/api' || url.startsWith('/api/');
}

/**
 * What a request must show. Routes outside /api (the dashboard's static
 * files) and unknown paths are public. An /api route that did not declare its access is shut:
 * a forgotten declaration fails closed.
 */
export function accessOf(request: FastifyRequest): RouteAccess | 'shut' {
  const path = request.routeOptions.url;
  // No route matched: the not-found handler answers 404 to anyone; the route table is public in the docs anyway.
  if (path === undefined || !isApi(path) || isDocumentation(path)) return 'public';
  return request.routeOptions.config.access ?? 'shut';
}

/** One row of the route table: what the isolation tests walk. */
export interface RouteDeclaration {
  readonly method: string;
  readonly url: string;
  readonly access: RouteAccess;
  readonly audit: RouteAudit | undefined;
}

/** Checked when a route is registered, so a route without an access declaration never starts. */
export function checkRouteDeclaration(route: { url: string; method: string | string[]; config?: { access?: RouteAccess; audit?: RouteAudit } }): void {
  if (!isApi(route.url) || isDocumentation(route.url)) return;
  const methods = [route.method].flat();
  if (route.config?.access === undefined) {
    throw new Error(`route ${methods.join(',')} ${route.url} declares no config.access`);
  }
  const writes = methods.some((method) => method !== 'GET' && method !== 'HEAD');
  if (writes && route.config.access !== 'public' && route.config.access !== 'signed-in' && route.config.audit === undefined) {
    throw new Error(`write route ${methods.join(',')} ${route.url} declares no config.audit`);
  }
}

export function auditTarget(request: FastifyRequest, audit: RouteAudit): string {
  if (audit.target) return audit.target(request);
  const noun = audit.action.split('.')[0]!;
  const body = request.body as { id?: unknown } | undefined;
  if (body && typeof body === 'object' && typeof body.id === 'string') return `${noun}:${body.id}`;
  const params = Object.values((request.params ?? {}) as Record<string, unknown>);
  const last = params[params.length - 1];
  return typeof last === 'string' ? `${noun}:${last}` : noun;
}

/** Adds the bearer requirement and the 401/403/429 answers to a protected route's OpenAPI entry. */
export function documentAccess(route: { url: string; schema?: object; config?: { access?: RouteAccess } }): void {
  const access = route.config?.access;
  if (!route.schema || access === undefined || access === 'public') return;
  const schema = route.schema as { security?: unknown; response?: Record<string, unknown> };
  schema.security = [{ bearer: [] }];
  schema.response = { ...schema.response, 401: errorSchema, 403: errorSchema, 429: errorSchema };
}
