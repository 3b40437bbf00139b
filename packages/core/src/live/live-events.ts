import type { SweepEvent } from '../events/sweep-event.js';
import type { LocalizedText } from '../text.js';
import type { ValidationIssue } from '../validation/validated.js';
import type { PackedCountsV3 } from './packed-counts.js';

// The one map of socket events, shared by the server, the dashboard and any
// other client. Names carry a version (`…:v1`) so a payload can change shape
// under a new name while old clients keep working.

/** Where a subscriber last was: the stream it followed and the last sequence number it applied. */
export interface ResumePoint {
  readonly streamId: string;
  readonly seq: number;
}

export interface SubscribeRequestV1 {
  readonly roundId: string;
  /** The root of the subtree to follow. */
  readonly areaId: string;
  /** The deepest level wanted, e.g. 'microgrid'; areas below it are not sent. */
  readonly depth: string;
  /** Sent when reconnecting, so the server can send only what was missed. */
  readonly resume?: ResumePoint;
}

export interface LiveError {
  readonly code: string;
  readonly message: string;
}

/** A refused subscription; `issues` names the fields of the request that were wrong. */
export type SubscribeReplyV1 =
  | { readonly ok: true; readonly subscriptionId: string }
  | { readonly ok: false; readonly error: LiveError; readonly issues?: readonly ValidationIssue[] };

/** Every area of the subscribed subtree, as of `seq`. */
export interface CountsSnapshotV3 {
  readonly subscriptionId: string;
  readonly streamId: string;
  readonly seq: number;
  readonly roundId: string;
  readonly counts: PackedCountsV3;
  readonly serverTime: number;
}

/**
 * The areas that changed between `fromSeq` and `seq`, with their new counts.
 * A client that has not applied exactly `fromSeq` of this stream has missed
 * something and must resubscribe with its resume point.
 */
export interface CountsDeltaV3 {
  readonly subscriptionId: string;
  readonly streamId: string;
  readonly fromSeq: number;
  readonly seq: number;
  readonly counts: PackedCountsV3;
  readonly serverTime: number;
}

/** One door knocked, for the wall's ticker. Counts and places only: never names or phone numbers. */
export interface ActivityItemV1 {
  /** The micro-grid of the household. */
  readonly areaId: string;
  /** When the server committed it: the ticker's clock, which device clocks cannot skew. */
  readonly committedAt: number;
  readonly deviceTime: number;
  /** The household outcome option id, or the member status option id for a member observation. */
  readonly outcome: string;
  /** The option's name in the round's template, so a ticker needs no template of its own. */
  readonly label: LocalizedText;
}

export interface ActivityV1 {
  readonly roundId: string;
  readonly items: readonly ActivityItemV1[];
}

/** The answer for one submitted event, the same over HTTP and over the socket. */
export type EventResultV1 =
  | { readonly index: number; readonly id: string; readonly status: 'accepted' | 'duplicate' }
  | {
      readonly index: number;
      readonly id: string | null;
      readonly status: 'rejected';
      readonly issues: readonly ValidationIssue[];
    };

/**
 * The same answer as POST /api/v1/events gives for the same batch: `ok: false`
 * with the error code HTTP answers with when HTTP refuses it. A refused batch
 * wrote nothing; `conflicts` lists ids already stored with other content,
 * `results` the answer for each item when every one was rejected, `issues`
 * what is wrong with a batch that is not a list of 1 to 500 events.
 */
export type SubmitEventsReplyV1 =
  | { readonly ok: true; readonly results: readonly EventResultV1[] }
  | {
      readonly ok: false;
      readonly error: LiveError;
      readonly conflicts?: readonly { index: number; id: string }[];
      readonly results?: readonly EventResultV1[];
      readonly issues?: readonly ValidationIssue[];
    };

export interface ServerToClientEvents {
  'counts.snapshot:v3': (snapshot: CountsSnapshotV3) => void;
  'counts.delta:v3': (delta: CountsDeltaV3) => void;
  'activity:v1': (activity: ActivityV1) => void;
}

export interface ClientToServerEvents {
  /** Answered with `counts.snapshot:v3` and `counts.delta:v3`: the counts packed as numbers (see PackedCountsV3). */
  'counts.subscribe:v3': (request: SubscribeRequestV1, reply: (answer: SubscribeReplyV1) => void) => void;
  /** Retired with the v2 counts (tested, codes): answered with the error VERSION_RETIRED, naming the event to use. */
  'counts.subscribe:v2': (request: unknown, reply: (answer: SubscribeReplyV1) => void) => void;
  'counts.unsubscribe:v1': (subscriptionId: string) => void;
  'activity.subscribe:v1': (roundId: string) => void;
  'events.submit:v1': (events: readonly SweepEvent[], reply: (answer: SubmitEventsReplyV1) => void) => void;
}
