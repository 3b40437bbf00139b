import type { SweepEvent, ValidationIssue } from '@gridsweep/core';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { EventLog, HashedEvent } from '../repositories/event-log.js';
import { eventContentHash } from './content-hash.js';
import { GroupCommit } from './group-commit.js';

export type ItemResult =
  | { readonly index: number; readonly id: string; readonly status: 'accepted' | 'duplicate' }
  | { readonly index: number; readonly id: string | null; readonly status: 'rejected'; readonly issues: readonly ValidationIssue[] };

export type IngestOutcome =
  | { readonly ok: true; readonly results: ItemResult[] }
  /** Some ids are stored with other content: the whole batch was refused and wrote nothing. */
  | { readonly ok: false; readonly conflicts: { index: number; id: string }[] };

/** How the log is written: grouped (the server) or one transaction per event (the benchmark's baseline). */
export type CommitMode = 'grouped' | 'per-event';

type Validate = (input: unknown, path: string) => { ok: true; value: SweepEvent } | { ok: false; issues: readonly ValidationIssue[] };

type SubmissionResult = { ok: true; stored: boolean[] } | { ok: false; conflicts: number[] };

/**
 * Takes batches of untrusted events: validates each, then stores the valid
 * ones through group commit. Answers only after the commit, and hands freshly
 * stored events to `onCommitted` (the counting engine) before answering, so
 * an acknowledged event is both durable and counted.
 */
export class EventIngest {
  private readonly groups: GroupCommit<HashedEvent, SubmissionResult>;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly log: EventLog,
    private readonly validate: Validate,
    private readonly onCommitted: (events: readonly SweepEvent[]) => void,
    private readonly mode: CommitMode = 'grouped',
  ) {
    this.groups = new GroupCommit((submissions) => this.writeGroup(submissions));
  }

  get stats(): { commits: number; events: number; eventsPerCommit: number } {
    const { flushes, items, itemsPerFlush } = this.groups.stats;
    return { commits: flushes, events: items, eventsPerCommit: itemsPerFlush };
  }

  async ingest(inputs: readonly unknown[]): Promise<IngestOutcome> {
    const results: (ItemResult | undefined)[] = [];
    const valid: HashedEvent[] = [];
    const validIndex: number[] = [];
    inputs.forEach((input, index) => {
      const checked = this.validate(input, `events.${index}`);
      if (checked.ok) {
        valid.push({ event: checked.value, hash: eventContentHash(checked.value) });
        validIndex.push(index);
      } else {
        results[index] = { index, id: idOf(input), status: 'rejected', issues: checked.issues };
      }
    });
    if (valid.length > 0) {
      const written = this.mode === 'grouped' ? await this.groups.submit(valid) : await this.writeAlone(valid);
      if (!written.ok) {
        return { ok: false, conflicts: written.conflicts.map((i) => ({ index: validIndex[i]!, id: valid[i]!.event.id })) };
      }
      written.stored.forEach((stored, i) => {
        results[validIndex[i]!] = { index: validIndex[i]!, id: valid[i]!.event.id, status: stored ? 'accepted' : 'duplicate' };
      });
    }
    return { ok: true, results: results as ItemResult[] };
  }

  /** Resolves when every batch handed in so far is committed. */
  drained(): Promise<void> {
    return this.groups.drained();
  }

  private async writeGroup(submissions: readonly (readonly HashedEvent[])[]): Promise<SubmissionResult[]> {
    const committed: SweepEvent[] = [];
    const answers = await this.db.transaction().execute(async (tx) => {
      const ids = [...new Set(submissions.flatMap((items) => items.map((item) => item.event.id)))];
      const known = await this.log.storedHashes(tx, ids);
      const answers: SubmissionResult[] = [];
      const toStore: HashedEvent[] = [];
      for (const items of submissions) {
        const answer = judge(items, known);
        answers.push(answer);
        if (!answer.ok) continue;
        items.forEach((item, i) => {
          if (answer.stored[i]) {
            known.set(item.event.id, item.hash);
            toStore.push(item);
          }
        });
      }
      const stored = await this.log.append(tx, toStore);
      if (stored.size !== toStore.length) await this.settleRaces(tx, submissions, answers, stored);
      for (const item of toStore) if (stored.has(item.event.id)) committed.push(item.event);
      return answers;
    });
    this.onCommitted(committed);
    return answers;
  }

  /**
   * Another server process stored some of our ids between our look-up and our
   * insert. Those items become duplicates; a different content is logged as a
   * conflict answer for that batch, though its other items are already written.
   */
  private async settleRaces(
    tx: Kysely<Database>,
    submissions: readonly (readonly HashedEvent[])[],
    answers: SubmissionResult[],
    stored: Set<string>,
  ): Promise<void> {
    const lost = submissions.flatMap((items, s) =>
      items.filter((item, i) => {
        const answer = answers[s]!;
        return answer.ok && answer.stored[i] && !stored.has(item.event.id);
      }),
    );
    const hashes = await this.log.storedHashes(tx, lost.map((item) => item.event.id));
    submissions.forEach((items, s) => {
      const answer = answers[s]!;
      if (!answer.ok) return;
      const conflicts: number[] = [];
      items.forEach((item, i) => {
        if (!answer.stored[i] || stored.has(item.event.id)) return;
        answer.stored[i] = false;
        if (hashes.get(item.event.id) !== item.hash) conflicts.push(i);
      });
      if (conflicts.length > 0) answers[s] = { ok: false, conflicts };
    });
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

/** Decides one batch against what is stored (or claimed earlier in this group): new, duplicate, or conflict. */
function judge(items: readonly HashedEvent[], known: ReadonlyMap<string, string>): SubmissionResult {
  const seen = new Map<string, string>();
  const stored: boolean[] = [];
  const conflicts: number[] = [];
  items.forEach((item, i) => {
    const earlier = known.get(item.event.id) ?? seen.get(item.event.id);
    if (earlier === undefined) {
      seen.set(item.event.id, item.hash);
      stored.push(true);
    } else {
      if (earlier !== item.hash) conflicts.push(i);
      stored.push(false);
    }
  });
  return conflicts.length > 0 ? { ok: false, conflicts } : { ok: true, stored };
}

function idOf(input: unknown): string | null {
  if (typeof input !== 'object' || input === null) return null;
  const id = (input as { id?: unknown }).id;
  return typeof id === 'string' && id.length <= 64 ? id : null;
}
