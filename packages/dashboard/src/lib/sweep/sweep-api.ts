import { listBuildingHouseholds, listSweepAssignments, pathOf, submitRosterChange, submitEvents, type Answer, type ErrorBody } from '@gridsweep/contract';
import type { SubmitEventsReplyV1, SweepEvent } from '@gridsweep/core';
import { ApiClient } from '../api/api-client.js';
import { answerCheck } from '../api/answer-check.js';
import type { RosterChange } from './field-db.js';

/** The answers that refuse a batch for what it holds: sending it again would be refused again. */
const REFUSALS = [400, 403, 409, 413];

function isErrorBody(body: unknown): body is ErrorBody {
  return typeof body === 'object' && body !== null && typeof (body as { code?: unknown }).code === 'string';
}

export type SweepAssignments = Answer<typeof listSweepAssignments>;
export type AssignedMicrogrid = SweepAssignments['microgrids'][number];
export type DoorList = Answer<typeof listBuildingHouseholds>;
export type DoorListHousehold = DoorList['households'][number];

/**
 * How a batch fared: the server's answer (the same whether it came over the
 * socket or HTTP), or no answer at all, in which case the batch is sent again later.
 */
export type Delivery = { readonly answered: true; readonly reply: SubmitEventsReplyV1 } | { readonly answered: false; readonly reason: string };

/** How a roster change fared: written (or already written), refused for what it holds, or no answer (sent again later). */
export type RosterDelivery =
  | { readonly answered: true; readonly refused: null }
  | { readonly answered: true; readonly refused: { readonly kind: 'conflict' | 'rejected'; readonly reason: string } }
  | { readonly answered: false; readonly reason: string };

/** The field worker's calls: their work, a building's door list, and the HTTP way of sending events. */
export class SweepApi extends ApiClient {
  async assignments(roundId: string, signal?: AbortSignal): Promise<SweepAssignments> {
    return this.get(listSweepAssignments, `${this.baseUrl}${pathOf(listSweepAssignments)}?roundId=${encodeURIComponent(roundId)}`, signal);
  }

  /** A building's households with their members (masked as the server answers) and the round's latest values. */
  async doorList(buildingId: string, roundId: string, signal?: AbortSignal): Promise<DoorList> {
    const path = pathOf(listBuildingHouseholds, { buildingId });
    return this.get(listBuildingHouseholds, `${this.baseUrl}${path}?roundId=${encodeURIComponent(roundId)}`, signal);
  }

  /**
   * POST /api/v1/events, answered as the socket's events.submit:v1 answers:
   * a refusal (400, 403, 409, 413) is an answer to show; no answer (offline,
   * 5xx, a refused credential, 429) is a batch to send again.
   */
  async submit(events: readonly SweepEvent[]): Promise<Delivery> {
    let response: Response;
    try {
      response = await this.fetchImpl(`${this.baseUrl}${pathOf(submitEvents)}`, {
        method: submitEvents.method,
        headers: { ...this.headers(), 'content-type': 'application/json' },
        body: JSON.stringify({ events }),
      });
    } catch (error) {
      return { answered: false, reason: error instanceof Error ? error.message : String(error) };
    }
    if (response.status === 401) this.credential.reject();
    const body: unknown = await response.json().catch(() => null);
    if (response.ok) {
      const answer = answerCheck(submitEvents)(body);
      if (answer.ok) return { answered: true, reply: { ok: true, results: answer.value.results } };
    } else if (REFUSALS.includes(response.status) && isErrorBody(body)) {
      const { code, message, conflicts, results, issues } = body;
      return {
        answered: true,
        reply: { ok: false, error: { code, message }, ...(conflicts ? { conflicts } : {}), ...(results ? { results } : {}), ...(issues ? { issues } : {}) },
      };
    }
    return { answered: false, reason: `HTTP ${response.status}` };
  }

  /** POST /api/v1/roster-changes, answered as `submit` answers: a refusal is shown, no answer is sent again. */
  async submitRosterChange(change: RosterChange): Promise<RosterDelivery> {
    let response: Response;
    try {
      response = await this.fetchImpl(`${this.baseUrl}${pathOf(submitRosterChange)}`, {
        method: submitRosterChange.method,
        headers: { ...this.headers(), 'content-type': 'application/json' },
        body: JSON.stringify(change),
      });
    } catch (error) {
      return { answered: false, reason: error instanceof Error ? error.message : String(error) };
    }
    if (response.status === 401) this.credential.reject();
    if (response.ok) return { answered: true, refused: null };
    const body: unknown = await response.json().catch(() => null);
    if ([400, 403, 404, 409].includes(response.status) && isErrorBody(body)) {
      const fields = (body.issues ?? []).map((issue) => `${issue.field} ${issue.reason}`).join('; ');
      return { answered: true, refused: { kind: response.status === 409 ? 'conflict' : 'rejected', reason: fields || body.message } };
    }
    return { answered: false, reason: `HTTP ${response.status}` };
  }
}
