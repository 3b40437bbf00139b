import Type from 'typebox';
import { DEFAULT_AUDIT_PAGE, MAX_AUDIT_PAGE } from '../limits.js';

/** One line of the append-only audit log: a reveal, a write or a sign-in. */
export const AuditEntrySchema = Type.Object(
  {
    seq: Type.Integer(),
    at: Type.String({ format: 'date-time' }),
    actorId: Type.String(),
    actorRole: Type.String(),
    action: Type.String(),
    target: Type.String(),
    reason: Type.Union([Type.String(), Type.Null()]),
    source: Type.Union([Type.String(), Type.Null()]),
    detail: Type.Record(Type.String(), Type.Unknown()),
  },
  { additionalProperties: false },
);

export const AuditQuerySchema = Type.Object(
  {
    limit: Type.Integer({ minimum: 1, maximum: MAX_AUDIT_PAGE, default: DEFAULT_AUDIT_PAGE }),
    before: Type.Optional(Type.Integer({ minimum: 1, description: 'Only entries with a smaller seq: the next page.' })),
    action: Type.Optional(Type.String({ pattern: '^[a-z][a-z.-]{0,63}$', description: 'Only entries of this action, e.g. member.reveal.' })),
  },
  { additionalProperties: false },
);
