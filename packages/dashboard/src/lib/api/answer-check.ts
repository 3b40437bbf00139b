import { compileCheck, type Answer, type Operation, type PayloadCheck } from '@gridsweep/contract';
import type { Validated } from '@gridsweep/core';
import type { TSchema } from 'typebox';

const checks = new Map<Operation, PayloadCheck<TSchema>>();

/**
 * The check of an operation's 200 answer, compiled from the contract's schema
 * the first time it is needed: a value that passes is the operation's answer type.
 */
export function answerCheck<O extends Operation>(op: O): (value: unknown) => Validated<Answer<O>> {
  let check = checks.get(op);
  if (!check) {
    const schema = op.schema.response[200];
    if (!schema) throw new Error(`${op.schema.operationId} has no 200 answer`);
    checks.set(op, (check = compileCheck(schema)));
  }
  // The schema is the one Answer<O> is read from.
  return check as (value: unknown) => Validated<Answer<O>>;
}
