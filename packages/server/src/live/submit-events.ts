import type { SubmitEventsReplyV1 } from '@gridsweep/core';
import { eventsAuditDetail } from '../access/events-audit.js';
import type { Principal } from '../access/principal.js';
import type { EventIngest } from '../ingest/event-ingest.js';
import type { AccessServices } from '../plugins/app/access.js';

const MAX_EVENTS_PER_SUBMISSION = 500;

/**
 * A field batch over the socket: the same checks as POST /events (role, rate
 * limit, scope of each household) and the same audit entry, answered after
 * the commit.
 */
export async function submitEvents(
  principal: Principal,
  events: unknown,
  source: string,
  deps: { readonly ingest: EventIngest; readonly access: AccessServices },
): Promise<SubmitEventsReplyV1> {
  const { policy, limiter, audit } = deps.access;
  if (!policy.can(principal, 'events.write')) {
    return { ok: false, error: { code: 'FORBIDDEN', message: 'your role does not allow submitting sweep events' } };
  }
  const rate = limiter.take(principal.id);
  if (!rate.allowed) {
    return { ok: false, error: { code: 'RATE_LIMITED', message: `too many requests from your account; retry after ${rate.retryAfterSeconds} s` } };
  }
  if (!Array.isArray(events) || events.length === 0 || events.length > MAX_EVENTS_PER_SUBMISSION) {
    return { ok: false, error: { code: 'BAD_BATCH', message: `events: must be a list of 1 to ${MAX_EVENTS_PER_SUBMISSION} events` } };
  }
  const submitted: unknown[] = events;
  const outcome = await deps.ingest.ingest(submitted, policy.admitEvent(principal));
  if (!outcome.ok) {
    return {
      ok: false,
      error: { code: 'EVENT_CONFLICT', message: 'some event ids are already stored with other content; nothing was written' },
      conflicts: outcome.conflicts,
    };
  }
  if (outcome.results.some((result) => result.status !== 'rejected')) {
    const detail = eventsAuditDetail(submitted, outcome.results);
    await audit.record({ actorId: principal.id, actorRole: principal.role, action: 'events.write', target: 'events', source, detail });
  }
  return { ok: true, results: outcome.results };
}
