import type { EventResultV1, SweepEvent, TerritoryLookup, ValidationIssue } from '@gridsweep/core';
import type { Kysely } from 'kysely';
import type { AuditEntry } from '../access/audit-log.js';
import type { Database } from '../db/schema.js';
import type { EventLog, HashedEvent } from '../repositories/event-log.js';
import { eventContentHash } from './content-hash.js';
import { GroupCommit } from './group-commit.js';
import { writeGroup, type AuditOf, type SubmissionResult } from './group-writer.js';

/** The answer for one event of a batch: core's, the same over HTTP and the socket. */
export type ItemResult = EventResultV1;

export type IngestOutcome =
  /** `audited`: the batch's audit entry was committed with its events; when false the caller records it. */
  | { readonly ok: true; readonly results: ItemResult[]; readonly audited: boolean }
  /** Some ids are stored with other content: the whole batch was refused and wrote nothing. */
  | { readonly ok: false; readonly conflicts: { index: number; id: string }[] };

/** How the log is written: grouped (the server) or one transaction per event (the benchmark's baseline). */
export type CommitMode = 'grouped' | 'per-event';

/** What one caller's events are checked against: only their territory and rounds, so what lies outside reads as what does not exist. */
export interface CallerScope {
  readonly territory: TerritoryLookup;
  roundVisible(roundId: string): boolean;
}

type Validate = (input: unknown, path: string, caller?: CallerScope) => { ok: true; value: SweepEvent } | { ok: false; issues: readonly ValidationIssue[] };

/** The caller's say on a valid event: no issues admits it; issues reject it as invalid ones are. */
export type Admit = (event: SweepEvent, path: string) => readonly ValidationIssue[];

/** A caller's view of a batch: their scope, and their say on each valid event. */
export interface EventView extends CallerScope {
  readonly admit: Admit;
}

/** The audit entry of an accepted batch, from the answer for each of its events. */
export type AuditBatch = (results: readonly ItemResult[]) => AuditEntry;

/**
 * Takes batches of untrusted events: validates each, then stores the valid
 * ones through group commit. Answers only after the commit, and hands freshly
 * stored events to `onCommitted` (the counting engine) before answering, so
 * an acknowledged event is both durable and counted.
 */
export class EventIngest {
  private readonly groups: GroupCommit<HashedEvent, SubmissionResult, AuditOf>;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly log: EventLog,
    private readonly validate: Validate,
    private readonly onCommitted: (events: readonly SweepEvent[]) => void,
    private readonly mode: CommitMode = 'grouped',
  ) {
    this.groups = new GroupCommit((submissions, audits) => this.writeGroup(submissions, audits));
  }

  get stats(): { commits: number; events: number; eventsPerCommit: number } {
    const { flushes, items, itemsPerFlush } = this.groups.stats;
    return { commits: flushes, events: items, eventsPerCommit: itemsPerFlush };
  }

  /**
   * `audit`, when given, makes the batch's audit entry; grouped, it is written
   * in the same transaction as the events, so the answer waits for one commit.
   */
  async ingest(inputs: readonly unknown[], view?: EventView, audit?: AuditBatch): Promise<IngestOutcome> {
    const results: (ItemResult | undefined)[] = [];
    const valid: HashedEvent[] = [];
    const validIndex: number[] = [];
    inputs.forEach((input, index) => {
      const path = `events.${index}`;
      const validated = this.validate(input, path, view);
      const refused = validated.ok && view ? view.admit(validated.value, path) : [];
      const checked = refused.length > 0 ? { ok: false as const, issues: refused } : validated;
      if (checked.ok) {
        valid.push({ event: checked.value, hash: eventContentHash(checked.value) });
        validIndex.push(index);
      } else {
        results[index] = { index, id: idOf(input), status: 'rejected', issues: checked.issues };
      }
    });
    const complete = (stored: readonly boolean[]): ItemResult[] => {
      const all = [...results];
      stored.forEach((isNew, i) => {
        all[validIndex[i]!] = { index: validIndex[i]!, id: valid[i]!.event.id, status: isNew ? 'accepted' : 'duplicate' };
      });
      return all as ItemResult[];
    };
    if (valid.length === 0) return { ok: true, results: complete([]), audited: false };
    const grouped = this.mode === 'grouped';
    const written = grouped ? await this.groups.submit(valid, audit && ((stored) => audit(complete(stored)))) : await this.writeAlone(valid);
    if (!written.ok) {
      return { ok: false, conflicts: written.conflicts.map((i) => ({ index: validIndex[i]!, id: valid[i]!.event.id })) };
    }
    return { ok: true, results: complete(written.stored), audited: grouped && audit !== undefined };
  }

  /** Resolves when every batch handed in so far is committed. */
  drained(): Promise<void> {
    return this.groups.drained();
  }

  private async writeGroup(submissions: readonly (readonly HashedEvent[])[], audits: readonly (AuditOf | undefined)[]): Promise<SubmissionResult[]> {
    const { answers, committed } = await writeGroup(this.db, this.log, submissions, audits);
    this.onCommitted(committed);
    return answers;
  }

  private async writeAlone(items: readonly HashedEvent[]): Promise<SubmissionResult> {
    const stored: boolean[] = [];
    for (const item of items) {
      const isNew = await this.log.appendAlone(item);
      stored.push(isNew);
      if (isNew) this.onCommitted([item.event]);
    }
    return { ok: true, stored };
  }
}

function idOf(input: unknown): string | null {
  if (typeof input !== 'object' || input === null) return null;
  const id = (input as { id?: unknown }).id;
  return typeof id === 'string' && id.length <= 64 ? id : null;
}
