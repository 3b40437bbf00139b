import type {
  ActivityV1,
  ClientToServerEvents,
  CountsDeltaV3,
  CountsSnapshotV3,
  PackedCountsV3,
  ServerToClientEvents,
  SubmitEventsReplyV1,
  SubscribeReplyV1,
  SubscribeRequestV1,
} from '@gridsweep/core';
import Type, { type Static, type TSchema } from 'typebox';
import { IdSchema } from '../ids.js';
import type { Assignable } from '../mirror.js';
import { SafeText } from '../safe-text.js';
import { ErrorCodeSchema, EventConflictSchema } from '../schemas/error-body.js';
import { LocalizedTextSchema } from '../schemas/localized-text.js';
import { EventBatchSchema, EventResultSchema } from '../schemas/sweep-event.js';
import { ValidationIssueSchema } from '../schemas/validation-issue.js';

// The payloads of the socket events. Their names and TypeScript types are
// core's event map (live-events.ts), which socket.io clients type against;
// these are the same shapes as schemas, which the server checks every
// incoming payload with, and each is held to core's type at compile time.

const ResumePointSchema = Type.Object({ streamId: SafeText({ maxLength: 200 }), seq: Type.Integer({ minimum: 0 }) }, { additionalProperties: false });

export const SubscribeRequestSchema = Type.Object(
  {
    roundId: IdSchema,
    areaId: IdSchema,
    depth: SafeText({ description: "The deepest level wanted, e.g. 'microgrid'." }),
    resume: Type.Optional(ResumePointSchema),
  },
  { additionalProperties: false },
);

export type SubscribeRequestMirrorsCore = [
  Assignable<Static<typeof SubscribeRequestSchema>, SubscribeRequestV1>,
  Assignable<SubscribeRequestV1, Static<typeof SubscribeRequestSchema>>,
];

const LiveErrorSchema = Type.Object({ code: ErrorCodeSchema, message: Type.String() }, { additionalProperties: false });

export const SubscribeReplySchema = Type.Union([
  Type.Object({ ok: Type.Literal(true), subscriptionId: Type.String() }, { additionalProperties: false }),
  Type.Object(
    { ok: Type.Literal(false), error: LiveErrorSchema, issues: Type.Optional(Type.Immutable(Type.Array(ValidationIssueSchema))) },
    { additionalProperties: false },
  ),
]);

export const SubmitEventsReplySchema = Type.Union([
  Type.Object({ ok: Type.Literal(true), results: Type.Immutable(Type.Array(EventResultSchema)) }, { additionalProperties: false }),
  Type.Object(
    {
      ok: Type.Literal(false),
      error: LiveErrorSchema,
      conflicts: Type.Optional(Type.Immutable(Type.Array(EventConflictSchema))),
      results: Type.Optional(Type.Immutable(Type.Array(EventResultSchema))),
      issues: Type.Optional(Type.Immutable(Type.Array(ValidationIssueSchema))),
    },
    { additionalProperties: false },
  ),
]);

/** What the server answers is what core's event map lets a client expect (the contract's codes are the catalogue's, core's any string). */
export type LiveRepliesFitCore = [
  Assignable<Static<typeof SubscribeReplySchema>, SubscribeReplyV1>,
  Assignable<Static<typeof SubmitEventsReplySchema>, SubmitEventsReplyV1>,
];

export const PackedCountsSchema = Type.Object(
  {
    markerIds: Type.Immutable(Type.Array(Type.String(), { description: "The round template's marker options, the same for every area of a round." })),
    specialGroupIds: Type.Immutable(Type.Array(Type.String())),
    areaIds: Type.Immutable(Type.Array(Type.String())),
    values: Type.Immutable(
      Type.Array(Type.Integer(), { description: "Each area's numbers in the order core's packed-counts.ts defines: households, members, one per marker option, three per special group." }),
    ),
  },
  { additionalProperties: false },
);

export type PackedCountsMirrorsCore = [Assignable<Static<typeof PackedCountsSchema>, PackedCountsV3>, Assignable<PackedCountsV3, Static<typeof PackedCountsSchema>>];

export const CountsSnapshotSchema = Type.Object(
  {
    subscriptionId: Type.String(),
    streamId: Type.String(),
    seq: Type.Integer(),
    roundId: Type.String(),
    counts: PackedCountsSchema,
    serverTime: Type.Integer(),
  },
  { additionalProperties: false },
);

export type CountsSnapshotMirrorsCore = [
  Assignable<Static<typeof CountsSnapshotSchema>, CountsSnapshotV3>,
  Assignable<CountsSnapshotV3, Static<typeof CountsSnapshotSchema>>,
];

export const CountsDeltaSchema = Type.Object(
  {
    subscriptionId: Type.String(),
    streamId: Type.String(),
    fromSeq: Type.Integer(),
    seq: Type.Integer(),
    counts: PackedCountsSchema,
    serverTime: Type.Integer(),
  },
  { additionalProperties: false },
);

export type CountsDeltaMirrorsCore = [Assignable<Static<typeof CountsDeltaSchema>, CountsDeltaV3>, Assignable<CountsDeltaV3, Static<typeof CountsDeltaSchema>>];

export const ActivitySchema = Type.Object(
  {
    roundId: Type.String(),
    items: Type.Immutable(
      Type.Array(
        Type.Object(
          {
            areaId: Type.String(),
            committedAt: Type.Integer(),
            deviceTime: Type.Integer(),
            outcome: Type.String({ description: 'The household outcome option id, or the member status option id for a member observation.' }),
            label: LocalizedTextSchema,
          },
          { additionalProperties: false },
        ),
      ),
    ),
  },
  { additionalProperties: false },
);

export type ActivityMirrorsCore = [Assignable<Static<typeof ActivitySchema>, ActivityV1>, Assignable<ActivityV1, Static<typeof ActivitySchema>>];

/** What a client sends with each event, and the reply it gets when the event takes one. */
export interface ClientMessage {
  readonly payload: TSchema;
  readonly reply?: TSchema;
}

/** Every event a client may send: a socket event added to core's map without a schema here does not compile. */
export const CLIENT_MESSAGES = {
  'counts.subscribe:v3': { payload: SubscribeRequestSchema, reply: SubscribeReplySchema },
  /** Retired with the v2 counts: whatever is sent, the reply is VERSION_RETIRED. */
  'counts.subscribe:v2': { payload: Type.Unknown(), reply: SubscribeReplySchema },
  'counts.unsubscribe:v1': { payload: Type.String({ description: 'A subscription id from the subscribe reply.' }) },
  'activity.subscribe:v1': { payload: IdSchema },
  'events.submit:v1': { payload: EventBatchSchema, reply: SubmitEventsReplySchema },
} as const satisfies Record<keyof ClientToServerEvents, ClientMessage>;

/** Every event the server sends. */
export const SERVER_MESSAGES = {
  'counts.snapshot:v3': CountsSnapshotSchema,
  'counts.delta:v3': CountsDeltaSchema,
  'activity:v1': ActivitySchema,
} as const satisfies Record<keyof ServerToClientEvents, TSchema>;
