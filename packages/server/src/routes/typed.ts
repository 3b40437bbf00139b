import type { Operation } from '@gridsweep/contract';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';

/**
 * The instance as routes use it: request types come from each operation's
 * schema in @gridsweep/contract (params, query, body) and a handler's answer
 * is checked against the schema of its status, so a route has no types of its own.
 */
export function typed(fastify: FastifyInstance) {
  return fastify.withTypeProvider<TypeBoxTypeProvider>();
}

/** Where and how an operation of the contract is served: `api.route({ ...served(op), config, handler })`. */
export function served<O extends Operation>(op: O): { method: O['method']; url: string; schema: O['schema'] } {
  return { method: op.method, url: op.path, schema: op.schema };
}
