import { OPERATIONS, type Operation } from '@gridsweep/contract';
import type { FastifyRequest } from 'fastify';
import type { RouteAccess } from './access-policy.js';

/** What a write route records in the audit log: the action, and what it was done to. */
export interface RouteAudit {
  readonly action: string;
  /** Defaults to `<noun of the action>:<body.id or the last path parameter>`. */
  readonly target?: (request: FastifyRequest) => string;
  /** Why, in the caller's words, where the route asks for one (a reveal). */
  readonly reason?: (request: FastifyRequest) => string | null;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Who may call the route; every /api route must say. */
    access?: RouteAccess;
    /** Every write route must say what it records. */
    audit?: RouteAudit;
    /**
     * The handler validates the body's references against the caller's scope
     * (`AccessPolicy.lookupFor`), answering one outside it exactly as one that
     * does not exist; the scope hook leaves them to it.
     */
    scopedBody?: true;
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

interface RouteBeingRegistered {
  readonly url: string;
  readonly method: string | string[];
  readonly config?: { access?: RouteAccess; audit?: RouteAudit };
  readonly schema?: { operationId?: unknown };
}

const BY_ID: ReadonlyMap<string, Operation> = new Map(Object.values(OPERATIONS).map((op) => [op.schema.operationId, op]));

/** The contract's operation a route serves, or why it serves none. */
function operationOf(route: RouteBeingRegistered, methods: readonly string[]): Operation {
  const id = route.schema?.operationId;
  const op = typeof id === 'string' ? BY_ID.get(id) : undefined;
  if (!op) throw new Error(`route ${methods.join(',')} ${route.url} serves no operation of @gridsweep/contract (its schema must be the operation's)`);
  if (op.path !== route.url || !methods.includes(op.method)) {
    throw new Error(`route ${methods.join(',')} ${route.url} serves ${op.schema.operationId}, which the contract puts at ${op.method} ${op.path}`);
  }
  return op;
}

/**
 * Checked when a route is registered, so a route that does not say who may
 * call it never starts, nor one outside the contract, nor one whose access
 * disagrees with the contract's (a public operation is documented without the
 * bearer scheme, and clients send no credential to it).
 */
export function checkRouteDeclaration(route: RouteBeingRegistered): Operation | null {
  if (!isApi(route.url) || isDocumentation(route.url)) return null;
  const methods = [route.method].flat().filter((method) => method !== 'HEAD');
  // Fastify's HEAD twin of a GET route is checked as that route.
  if (methods.length === 0) return null;
  const access = route.config?.access;
  if (access === undefined) {
    throw new Error(`route ${methods.join(',')} ${route.url} declares no config.access`);
  }
  const writes = methods.some((method) => method !== 'GET');
  if (writes && access !== 'public' && access !== 'signed-in' && route.config?.audit === undefined) {
    throw new Error(`write route ${methods.join(',')} ${route.url} declares no config.audit`);
  }
  const op = operationOf(route, methods);
  if ((op.access === 'public') !== (access === 'public')) {
    throw new Error(`route ${methods.join(',')} ${route.url} is ${access === 'public' ? 'public' : 'guarded'}, but the contract says ${op.access}`);
  }
  return op;
}

/** The operations of the contract no route serves: each is a start-up failure. */
export function unservedOperations(served: ReadonlySet<Operation>): string[] {
  return Object.values(OPERATIONS)
    .filter((op) => !served.has(op))
    .map((op) => `${op.method} ${op.path} (${op.schema.operationId})`);
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
