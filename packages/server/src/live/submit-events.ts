import { CLIENT_MESSAGES, compileCheck, ERRORS, type ErrorCode } from '@gridsweep/contract';
import type { SubmitEventsReplyV1 } from '@gridsweep/core';
import type { AuditEntry } from '../access/audit-log.js';
import { eventsAuditDetail } from '../access/events-audit.js';
import type { Principal } from '../access/principal.js';
import { answerBatch } from '../ingest/batch-answer.js';
import type { EventIngest, ItemResult } from '../ingest/event-ingest.js';
import type { AccessServices } from '../plugins/app/access.js';

// The first fault only, as Fastify answers the same body over HTTP.
const checkBatch = compileCheck(CLIENT_MESSAGES['events.submit:v1'].payload, { root: 'events', firstIssueOnly: true });

function refusal(code: ErrorCode, message: string = ERRORS[code].message): Extract<SubmitEventsReplyV1, { ok: false }> {
  return { ok: false, error: { code, message } };
}

/**
 * A field batch over the socket: the same checks as POST /events (role, rate
 * limit, the contract's schema, scope of each household), the same audit
 * entry (committed with the events), and the same answer (`answerBatch`): what HTTP answers 200 is
 * `ok: true`, anything else `ok: false` with the code and detail HTTP gives.
 */
export async function submitEvents(
  principal: Principal,
  events: unknown,
  source: string,
  deps: { readonly ingest: EventIngest; readonly access: AccessServices },
): Promise<SubmitEventsReplyV1> {
  const { policy, limiter, audit } = deps.access;
  if (!policy.can(principal, 'events.write')) return refusal('FORBIDDEN');
  const rate = limiter.take(principal.id);
  // No Retry-After header on a socket: the wait is in the message.
  if (!rate.allowed) return refusal('RATE_LIMITED', `Too many requests from your account; retry after ${rate.retryAfterSeconds} s.`);
  const batch = checkBatch(events);
  if (!batch.ok) return { ...refusal('VALIDATION_FAILED'), issues: batch.issues };
  const entry = (results: readonly ItemResult[]): AuditEntry => ({
    actorId: principal.id,
    actorRole: principal.role,
    action: 'events.write',
    target: 'events',
    source,
    detail: eventsAuditDetail(batch.value, results),
  });
  const outcome = await deps.ingest.ingest(batch.value, policy.eventView(principal, batch.value), entry);
  const answer = answerBatch(outcome);
  if (answer.status !== 200) {
    const { code, message, ...detail } = answer.body;
    return { ...refusal(code, message), ...detail };
  }
  if (outcome.ok && !outcome.audited) await audit.record(entry(answer.body.results));
  return { ok: true, results: answer.body.results };
}
