import type { SweepEvent } from '@gridsweep/core';
import type { Kysely } from 'kysely';
import { insertAuditEntries, type AuditEntry } from '../access/audit-log.js';
import type { Database } from '../db/schema.js';
import type { EventLog, HashedEvent } from '../repositories/event-log.js';

/** Per batch: which items were stored now (the others are duplicates), or which items conflict. */
export type SubmissionResult = { ok: true; stored: boolean[] } | { ok: false; conflicts: number[] };

/**
 * A submission's audit entry, made from which of its items were stored now:
 * written in the group's transaction, so the acknowledgement waits for one
 * commit, not for a commit and then an audit insert queued behind the next group.
 */
export type AuditOf = (stored: readonly boolean[]) => AuditEntry;

export interface GroupOutcome {
  readonly answers: SubmissionResult[];
  /** The events this group stored, for the counting engine. */
  readonly committed: SweepEvent[];
}

/** Thrown inside the optimistic transaction to roll it back when a batch turns out to conflict. */
class ConflictFound extends Error {}

/**
 * Writes a group of batches in one transaction. The usual case (new events,
 * maybe some resent ones) takes one INSERT ... ON CONFLICT DO NOTHING, plus
 * one look-up of the hashes of ids that were already there. Only when some
 * batch carries an id with different content is that transaction rolled back
 * and the group written again the careful way, which keeps every batch
 * all-or-nothing.
 */
export async function writeGroup(
  db: Kysely<Database>,
  log: EventLog,
  submissions: readonly (readonly HashedEvent[])[],
  audits: readonly (AuditOf | undefined)[] = [],
): Promise<GroupOutcome> {
  const audited = async (tx: Kysely<Database>, outcome: GroupOutcome): Promise<GroupOutcome> => {
    const entries = outcome.answers.flatMap((answer, s) => (answer.ok && audits[s] ? [audits[s](answer.stored)] : []));
    await insertAuditEntries(tx, entries);
    return outcome;
  };
  try {
    return await db.transaction().execute(async (tx) => audited(tx, await writeOptimistically(tx, log, submissions)));
  } catch (error) {
    if (!(error instanceof ConflictFound)) throw error;
    return db.transaction().execute(async (tx) => audited(tx, await writeCarefully(tx, log, submissions)));
  }
}

async function writeOptimistically(tx: Kysely<Database>, log: EventLog, submissions: readonly (readonly HashedEvent[])[]): Promise<GroupOutcome> {
  const first = new Map<string, HashedEvent>();
  for (const items of submissions) for (const item of items) if (!first.has(item.event.id)) first.set(item.event.id, item);
  const stored = await log.append(tx, [...first.values()]);
  const present = await log.storedHashes(tx, [...first.keys()].filter((id) => !stored.has(id)));
  const answers = submissions.map((items): SubmissionResult => {
    const flags = items.map((item) => {
      const id = item.event.id;
      if (stored.has(id) && first.get(id) === item) return true;
      const hash = stored.has(id) ? first.get(id)!.hash : present.get(id);
      if (hash !== item.hash) throw new ConflictFound();
      return false;
    });
    return { ok: true, stored: flags };
  });
  return { answers, committed: [...stored].map((id) => first.get(id)!.event) };
}

async function writeCarefully(tx: Kysely<Database>, log: EventLog, submissions: readonly (readonly HashedEvent[])[]): Promise<GroupOutcome> {
  const ids = [...new Set(submissions.flatMap((items) => items.map((item) => item.event.id)))];
  const known = await log.storedHashes(tx, ids);
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
  const stored = await log.append(tx, toStore);
  if (stored.size !== toStore.length) await settleRaces(tx, log, submissions, answers, stored);
  return { answers, committed: toStore.filter((item) => stored.has(item.event.id)).map((item) => item.event) };
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

/**
 * Another server process stored some of our ids between our look-up and our
 * insert. Those items become duplicates; a different content turns that
 * batch's answer into a conflict, though its other items are already written.
 */
async function settleRaces(
  tx: Kysely<Database>,
  log: EventLog,
  submissions: readonly (readonly HashedEvent[])[],
  answers: SubmissionResult[],
  stored: Set<string>,
): Promise<void> {
  const lost = submissions.flatMap((items, s) => {
    const answer = answers[s]!;
    return items.filter((item, i) => answer.ok && answer.stored[i] && !stored.has(item.event.id));
  });
  const hashes = await log.storedHashes(tx, lost.map((item) => item.event.id));
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
