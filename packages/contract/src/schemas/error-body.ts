import Type, { type Static } from 'typebox';
import { ERROR_CODES } from '../error-catalogue.js';
import { EventResultSchema } from './sweep-event.js';
import { ValidationIssueSchema } from './validation-issue.js';

export const ErrorCodeSchema = Type.Enum(ERROR_CODES, { description: 'A code of the error catalogue; callers branch on it.' });

/** An event id already stored with other content: the batch wrote nothing. */
export const EventConflictSchema = Type.Object({ index: Type.Integer(), id: Type.String() }, { additionalProperties: false });

/** The one shape of every error answer. */
export const ErrorBodySchema = Type.Object(
  {
    code: ErrorCodeSchema,
    message: Type.String(),
    requestId: Type.String({ description: 'Names the request in the server log.' }),
    issues: Type.Optional(Type.Immutable(Type.Array(ValidationIssueSchema))),
    conflicts: Type.Optional(Type.Immutable(Type.Array(EventConflictSchema))),
    results: Type.Optional(Type.Immutable(Type.Array(EventResultSchema))),
  },
  { additionalProperties: false },
);

export type ErrorBody = Static<typeof ErrorBodySchema>;

/** The error answers an operation can give, each status with the one error shape. */
export function errorResponses<const S extends readonly number[]>(...statuses: S): { readonly [K in S[number]]: typeof ErrorBodySchema } {
  return Object.fromEntries(statuses.map((status) => [status, ErrorBodySchema])) as { [K in S[number]]: typeof ErrorBodySchema };
}
