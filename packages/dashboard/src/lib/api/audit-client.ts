import { listAuditEntries, listRevealRates, pathOf, type Answer } from '@gridsweep/contract';
import { ApiClient } from './api-client.js';

export type AuditEntry = Answer<typeof listAuditEntries>[number];
export type RevealRates = Answer<typeof listRevealRates>;
export type RevealRate = RevealRates['users'][number];

/** The administrator's reads of the audit log: its entries, and each user's rate of reveals. */
export class AuditClient extends ApiClient {
  async entries(options: { action?: string; limit?: number } = {}, signal?: AbortSignal): Promise<readonly AuditEntry[]> {
    const query: Record<string, string> = { limit: String(options.limit ?? 200) };
    if (options.action) query.action = options.action;
    return this.get(listAuditEntries, this.url(pathOf(listAuditEntries), undefined, query), signal);
  }

  async revealRates(minutes?: number, signal?: AbortSignal): Promise<RevealRates> {
    return this.get(listRevealRates, this.url(pathOf(listRevealRates), undefined, minutes === undefined ? {} : { minutes: String(minutes) }), signal);
  }
}
