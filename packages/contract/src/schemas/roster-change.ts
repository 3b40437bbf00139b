import Type from 'typebox';
import { IdSchema, UuidV7Schema } from '../ids.js';
import { SafeText } from '../safe-text.js';

/** What a field worker may change of a household's roster from the household sheet. */
export const ROSTER_CHANGE_KINDS = ['memberAdded', 'memberMovedOut'] as const;
export type RosterChangeKind = (typeof ROSTER_CHANGE_KINDS)[number];

/** The person a `memberAdded` change puts on the roster; the id is the change's `memberId`. */
export const AddedMemberSchema = Type.Object(
  {
    name: SafeText({ minLength: 1, maxLength: 60 }),
    phone: Type.Optional(Type.Union([Type.Null(), SafeText({ maxLength: 30 })])),
    birthYear: Type.Optional(Type.Union([Type.Null(), Type.Integer({ minimum: 1890, maximum: 2100 })])),
    tags: Type.Optional(Type.Immutable(Type.Array(SafeText(), { maxItems: 20, description: 'Special-group ids of the counting engine.' }))),
  },
  { additionalProperties: false },
);

/**
 * A roster write made in the field (a member found at the door who is not on
 * the roster, or one who has moved out), with an id made on the phone like an
 * event's: sending it again is harmless, the same id with other content is 409.
 */
export const RosterChangeSchema = Type.Object(
  {
    id: UuidV7Schema,
    kind: Type.Union([Type.Literal('memberAdded'), Type.Literal('memberMovedOut')], {
      description: 'memberAdded: `member` joins the household as `memberId`; memberMovedOut: `memberId` no longer lives there.',
    }),
    householdId: IdSchema,
    memberId: IdSchema,
    deviceTime: Type.Integer({ description: "The device's clock when the change was made, ms since the Unix epoch." }),
    member: Type.Optional(AddedMemberSchema),
  },
  { additionalProperties: false },
);

export const RosterChangeAnswerSchema = Type.Object(
  {
    id: Type.String(),
    status: Type.Union([Type.Literal('accepted'), Type.Literal('duplicate')], {
      description: 'accepted: written now; duplicate: already written with the same content, nothing changed.',
    }),
  },
  { additionalProperties: false },
);
