import type { Validated } from '@gridsweep/core';
import type { Static, TSchema } from 'typebox';
import { Compile } from 'typebox/schema';
import { issuesOf } from './validation-issues.js';

/** Checks an untrusted value against a schema: the value, typed, or the issues naming each field. */
export type PayloadCheck<S extends TSchema> = (value: unknown) => Validated<Static<S>>;

export interface CheckOptions {
  /** Names the value itself and prefixes every field: a socket payload that is a list of events is `events`. */
  readonly root?: string;
  /**
   * Answers the first fault only, as Fastify's validation does (Ajv without
   * allErrors), so the socket answers a payload as HTTP answers the same body.
   */
  readonly firstIssueOnly?: boolean;
}

/**
 * Compiles a schema once into a check (TypeBox's JIT; where a page's policy
 * forbids generated code it falls back to interpreting the schema). Used for
 * socket payloads by the server and for answers by the dashboard, so both
 * read the contract the way Fastify does for HTTP.
 */
export function compileCheck<S extends TSchema>(schema: S, options: CheckOptions = {}): PayloadCheck<S> {
  const validator = Compile(schema as object);
  return (value) => {
    if (validator.Check(value)) return { ok: true, value: value as Static<S> };
    const [, errors] = validator.Errors(value);
    const issues = issuesOf(errors, options.root);
    return { ok: false, issues: options.firstIssueOnly ? issues.slice(0, 1) : issues };
  };
}
