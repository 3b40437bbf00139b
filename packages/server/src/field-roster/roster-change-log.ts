import type { Member } from '@gridsweep/core';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

/** A field roster change as the log keeps it: who made it, when, and what it carried (by hash). */
export interface StoredRosterChange {
  readonly id: string;
  readonly kind: 'memberAdded' | 'memberMovedOut';
  readonly householdId: string;
  readonly memberId: string;
  readonly workerId: string;
  readonly deviceTime: number;
  readonly hash: string;
}

/**
 * The log of roster changes made in the field, keyed by the phone's id, and
 * the roster rows they change, written together in one transaction.
 */
export class RosterChangeLog {
  constructor(private readonly db: Kysely<Database>) {}

  /** The stored content hash of a change id, if it is stored. */
  async hashOf(id: string): Promise<string | undefined> {
    const row = await this.db.selectFrom('roster_changes').select('content_hash').where('id', '=', id).executeTakeFirst();
    return row?.content_hash;
  }

  /**
   * Writes the change and what it does to the roster; answers false, writing
   * nothing, when the id was stored meanwhile (a retry racing the first try).
   */
  async write(change: StoredRosterChange, added: Member | null): Promise<boolean> {
    return this.db.transaction().execute(async (tx) => {
      const inserted = await tx
        .insertInto('roster_changes')
        .values({
          id: change.id,
          kind: change.kind,
          household_id: change.householdId,
          member_id: change.memberId,
          worker_id: change.workerId,
          device_time: change.deviceTime,
          content_hash: change.hash,
        })
        .onConflict((conflict) => conflict.column('id').doNothing())
        .returning('id')
        .executeTakeFirst();
      if (inserted === undefined) return false;
      if (added) {
        await tx
          .insertInto('members')
          .values({
            id: added.id,
            household_id: added.householdId,
            name: added.name,
            phone: added.phone ?? null,
            birth_year: added.birthYear ?? null,
            tags: JSON.stringify(added.tags),
          })
          .execute();
      } else {
        // The first to record the move keeps its time; a second worker's record of it changes nothing more.
        await tx.updateTable('members').set({ moved_out_at: change.deviceTime }).where('id', '=', change.memberId).where('moved_out_at', 'is', null).execute();
      }
      return true;
    });
  }
}
