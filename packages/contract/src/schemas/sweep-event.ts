import type { EventResultV1, SweepEvent } from '@gridsweep/core';
import Type, { type Static } from 'typebox';
import { IdSchema, UuidV7Schema } from '../ids.js';
import { MAX_EVENTS_PER_BATCH } from '../limits.js';
import type { Assignable } from '../mirror.js';
import { ValidationIssueSchema } from './validation-issue.js';

/** One observation from the field (扫楼记录), as a device sends it. */
export const SweepEventSchema = Type.Object(
  {
    id: UuidV7Schema,
    deviceTime: Type.Integer({ description: "The device's clock when the observation was made, ms since the Unix epoch." }),
    roundId: IdSchema,
    workerId: IdSchema,
    householdId: IdSchema,
    memberId: Type.Optional(IdSchema),
    values: Type.Record(Type.String(), Type.String(), { description: "Field id to option id, as the round's template defines them." }),
  },
  { additionalProperties: false },
);

export type SweepEventMirrorsCore = [Assignable<Static<typeof SweepEventSchema>, SweepEvent>, Assignable<SweepEvent, Static<typeof SweepEventSchema>>];

/** What happened to one event of a batch. */
export const EventResultSchema = Type.Union([
  Type.Object(
    {
      index: Type.Integer({ description: 'Position of the event in the batch.' }),
      id: Type.String(),
      status: Type.Union([Type.Literal('accepted'), Type.Literal('duplicate')], {
        description: 'accepted: stored now; duplicate: already stored with the same content, nothing changed.',
      }),
    },
    { additionalProperties: false },
  ),
  Type.Object(
    {
      index: Type.Integer({ description: 'Position of the event in the batch.' }),
      id: Type.Union([Type.String(), Type.Null()]),
      status: Type.Literal('rejected', { description: 'Invalid: nothing written; issues say why.' }),
      issues: Type.Immutable(Type.Array(ValidationIssueSchema)),
    },
    { additionalProperties: false },
  ),
]);

export type EventResultMirrorsCore = [Assignable<Static<typeof EventResultSchema>, EventResultV1>, Assignable<EventResultV1, Static<typeof EventResultSchema>>];

/**
 * A batch of events. Each is checked on its own by the core's validation
 * (against the round's template and the roster), so one bad event does not
 * hold back the others: the schema checks only that the batch is a list of
 * objects, and each item's answer names what is wrong with it.
 */
export const EventBatchSchema = Type.Array(
  Type.Unsafe<unknown>({
    type: 'object',
    description:
      'A sweep event {id (UUID v7), deviceTime (ms), roundId, workerId, householdId, memberId?, values: {fieldId: optionId}}; checked per item by the core validation.',
  }),
  { minItems: 1, maxItems: MAX_EVENTS_PER_BATCH },
);

export const SubmitEventsBodySchema = Type.Object({ events: EventBatchSchema }, { additionalProperties: false });

export const SubmitEventsAnswerSchema = Type.Object({ results: Type.Immutable(Type.Array(EventResultSchema)) }, { additionalProperties: false });

export const IngestStatsSchema = Type.Object(
  { commits: Type.Integer(), events: Type.Integer(), eventsPerCommit: Type.Number() },
  { additionalProperties: false },
);
