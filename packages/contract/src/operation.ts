import type { Static, TSchema } from 'typebox';
import { errorResponses } from './schemas/error-body.js';

/** The groups of the API document; every operation names one. */
export const OPERATION_TAGS = [
  { name: 'access', description: 'Sign-in, accounts and the audit log' },
  { name: 'territory', description: 'Areas, buildings, households and members' },
  { name: 'rounds', description: 'Campaign passes' },
  { name: 'campaigns', description: 'Campaign templates, counting rules and the territory levels: versioned data' },
  { name: 'events', description: 'Sweep events from the field' },
  { name: 'counts', description: 'Counts and the figures derived from them' },
  { name: 'reports', description: 'Daily reports and ledgers as XLSX or CSV files' },
  { name: 'health', description: 'Liveness' },
] as const;

export type OperationTag = (typeof OPERATION_TAGS)[number]['name'];

/** The name of the bearer scheme in the API document. */
export const BEARER = 'bearer';

/** What an operation takes and answers, as Fastify and the API document read it. */
export interface OperationSpec {
  /** camelCase, a verb first: the method name a generated client gives it. */
  readonly operationId: string;
  readonly summary: string;
  readonly description?: string;
  readonly tags: readonly [OperationTag];
  readonly params?: TSchema;
  readonly querystring?: TSchema;
  readonly body?: TSchema;
  readonly response: { readonly [status: number]: TSchema };
}

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH';

/**
 * One HTTP operation of the API: method, path (Fastify's `:param` form) and
 * schema. The server registers it as it is, the API document is generated
 * from it, and clients build their requests and check the answers with it.
 */
export interface Operation<S extends OperationSpec = OperationSpec> {
  readonly method: Method;
  readonly path: string;
  /** public: no credential (sign-in, health); bearer: a session token or the wall token. */
  readonly access: 'public' | 'bearer';
  readonly schema: S & { readonly security: readonly Readonly<Record<string, readonly string[]>>[] };
}

/** What every operation behind a credential may also answer: no or a refused credential, a role that may not, too many requests. */
const GUARDED = errorResponses(401, 403, 429);

/** An operation that needs a credential: its document entry names the bearer scheme and the answers the guard gives. */
export function operation<const S extends OperationSpec>(
  method: Method,
  path: string,
  spec: S,
): Operation<Omit<S, 'response'> & { readonly response: S['response'] & typeof GUARDED }> {
  return { method, path, access: 'bearer', schema: { ...spec, response: { ...spec.response, ...GUARDED }, security: [{ [BEARER]: [] }] } };
}

/** An operation open to anyone: its document entry says so with an empty security list. */
export function publicOperation<const S extends OperationSpec>(method: Method, path: string, spec: S): Operation<S> {
  return { method, path, access: 'public', schema: { ...spec, security: [] } };
}

type SchemaOf<O extends Operation, K extends 'params' | 'querystring' | 'body'> = O['schema'][K] extends TSchema ? Static<O['schema'][K]> : never;

/** The types a client sends and gets, read from the operation's schema. */
export type Params<O extends Operation> = SchemaOf<O, 'params'>;
export type Query<O extends Operation> = SchemaOf<O, 'querystring'>;
export type Body<O extends Operation> = SchemaOf<O, 'body'>;
export type Answer<O extends Operation, Status extends keyof O['schema']['response'] = 200> = O['schema']['response'][Status] extends TSchema
  ? Static<O['schema']['response'][Status]>
  : never;

/** The operation's path with its parameters filled in, each encoded: `/api/v1/areas/:areaId` → `/api/v1/areas/a%201`. */
export function pathOf(op: Operation, params: Readonly<Record<string, string | number>> = {}): string {
  return op.path.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`${op.schema.operationId}: no value for the path parameter ${name}`);
    return encodeURIComponent(String(value));
  });
}
