import type { Validated } from '@gridsweep/core';
import type { Static, TSchema } from 'typebox';
import { Compile } from 'typebox/compile';
import { issuesOf } from './validation-issues.js';

/** Checks an untrusted value against a schema: the value, typed, or the issues naming each field. */
export type PayloadCheck<S extends TSchema> = (value: unknown) => Validated<Static<S>>;

/**
 * Compiles a schema once into a check (TypeBox's JIT; where a page's policy
 * forbids generated code it falls back to interpreting the schema). Used for
 * socket payloads by the server and for answers by the dashboard, so both
 * read the contract the way Fastify does for HTTP.
 */
export function compileCheck<S extends TSchema>(schema: S, root = ''): PayloadCheck<S> {
  const validator = Compile(schema);
  return (value) => {
    if (validator.Check(value)) return { ok: true, value };
    return { ok: false, issues: issuesOf(validator.Errors(value), root) };
  };
}
