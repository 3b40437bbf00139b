import { ERRORS, type ErrorCode } from '@gridsweep/contract';
import type { EventResultV1 } from '@gridsweep/core';
import { ROUND_IS_ARCHIVED } from '../access/access-policy.js';
import type { IngestOutcome } from './event-ingest.js';

/** A batch refused as a whole: its catalogue code and what the caller needs to fix it. */
export interface RefusedBatch {
  readonly code: ErrorCode;
  readonly message: string;
  readonly conflicts?: readonly { index: number; id: string }[];
  readonly results?: readonly EventResultV1[];
}

export type BatchAnswer =
  | { readonly status: 200; readonly body: { readonly results: readonly EventResultV1[] } }
  | { readonly status: (typeof ERRORS)[ErrorCode]['status']; readonly body: RefusedBatch };

function refused(code: ErrorCode, detail: Pick<RefusedBatch, 'conflicts' | 'results'>): BatchAnswer {
  return { status: ERRORS[code].status, body: { code, message: ERRORS[code].message, ...detail } };
}

/**
 * What a batch's ingest answers, over HTTP (status and body) and over the
 * socket (`ok` when the status is 200, else the same code and detail): ids
 * stored with other content refuse it (409); a batch of which no event was
 * valid is 400 EVENTS_REJECTED with the answer for each item (a household
 * outside the caller's territory is answered as one that does not exist), or
 * 409 ROUND_ARCHIVED when one of them named an archived round; else each
 * item's answer.
 */
export function answerBatch(outcome: IngestOutcome): BatchAnswer {
  if (!outcome.ok) return refused('EVENT_CONFLICT', { conflicts: outcome.conflicts });
  const { results } = outcome;
  if (results.every((result) => result.status === 'rejected')) {
    const archived = results.some((result) => result.status === 'rejected' && result.issues.some((issue) => issue.reason === ROUND_IS_ARCHIVED));
    return refused(archived ? 'ROUND_ARCHIVED' : 'EVENTS_REJECTED', { results });
  }
  return { status: 200, body: { results } };
}
