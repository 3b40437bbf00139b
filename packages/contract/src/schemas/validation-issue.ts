import type { ValidationIssue } from '@gridsweep/core';
import Type, { type Static } from 'typebox';
import type { Assignable } from '../mirror.js';

/** One thing wrong with a request: which field (a dotted path, `events.3.deviceTime`) and why. */
export const ValidationIssueSchema = Type.Object({ field: Type.String(), reason: Type.String() }, { additionalProperties: false });

export type ValidationIssueMirrorsCore = [
  Assignable<Static<typeof ValidationIssueSchema>, ValidationIssue>,
  Assignable<ValidationIssue, Static<typeof ValidationIssueSchema>>,
];
