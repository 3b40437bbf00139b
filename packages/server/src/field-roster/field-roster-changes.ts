import type { Static } from 'typebox';
import type { RosterChangeSchema } from '@gridsweep/contract';
import { validateMember, type CountingEngine, type Member, type TerritoryLookup, type ValidationIssue } from '@gridsweep/core';
import { createHash } from 'node:crypto';
import { ApiError, validationFailed } from '../errors/api-error.js';
import type { Roster } from '../roster.js';
import type { RosterChangeLog, StoredRosterChange } from './roster-change-log.js';

export type RosterChange = Static<typeof RosterChangeSchema>;

/** What became of a change: written now, or already written with the same content. */
export type RosterChangeStatus = 'accepted' | 'duplicate';

/**
 * Roster writes from the field with an event's care: the phone's id makes a
 * retry harmless and a different change under the same id a 409; the database
 * is written first, then the in-memory roster and the counting engine follow
 * (the engine's RosterChanges takes the household out of every round's counts
 * and puts it back), and other server processes hear it as any roster write.
 * `lookup` is the territory as the caller's scope sees it: a household outside
 * it is answered as one that does not exist.
 */
export class FieldRosterChanges {
  constructor(
    private readonly roster: Roster,
    private readonly engine: CountingEngine,
    private readonly log: RosterChangeLog,
  ) {}

  async record(change: RosterChange, workerId: string, lookup: TerritoryLookup = this.roster.territory): Promise<RosterChangeStatus> {
    const hash = contentHash(change, workerId);
    const known = await this.known(change.id, hash);
    if (known) return known;
    const added = this.check(change, lookup);
    const stored: StoredRosterChange = { ...change, workerId, hash };
    if (!(await this.log.write(stored, added))) return (await this.known(change.id, hash)) ?? 'duplicate';
    if (added) this.roster.applyImport({ members: [added] });
    else this.roster.applyImport({}, { movedOut: [change.memberId] });
    return 'accepted';
  }

  private async known(id: string, hash: string): Promise<RosterChangeStatus | null> {
    const stored = await this.log.hashOf(id);
    if (stored === undefined) return null;
    if (stored !== hash) throw new ApiError('ROSTER_CHANGE_CONFLICT', { conflicts: [{ index: 0, id }] });
    return 'duplicate';
  }

  /** The member a change adds (null for a move), or the answer that refuses it, naming the field. */
  private check(change: RosterChange, lookup: TerritoryLookup): Member | null {
    const { territory } = this.roster;
    if (!lookup.hasHousehold(change.householdId)) throw new ApiError('HOUSEHOLD_NOT_FOUND');
    if (change.kind === 'memberMovedOut') {
      if (change.member !== undefined) throw validationFailed([{ field: 'member', reason: 'must be left out when a member moves out' }]);
      if (territory.memberHousehold(change.memberId) !== change.householdId) {
        throw validationFailed([{ field: 'memberId', reason: `is not a member of household ${change.householdId}` }]);
      }
      return null;
    }
    if (change.member === undefined) throw validationFailed([{ field: 'member', reason: 'is required when a member is added' }]);
    if (territory.memberHousehold(change.memberId) !== undefined) throw new ApiError('ALREADY_EXISTS', {}, `A member with id ${change.memberId} already exists.`);
    const result = validateMember({ ...change.member, id: change.memberId, householdId: change.householdId }, territory, this.engine.specialGroupIds);
    if (!result.ok) throw validationFailed(result.issues.map(asChangeField));
    return result.value;
  }
}

/** The member validator names its own fields; the caller sent them inside `member`, the id as `memberId`. */
function asChangeField(issue: ValidationIssue): ValidationIssue {
  if (issue.field === 'id') return { ...issue, field: 'memberId' };
  if (issue.field === 'householdId') return issue;
  return { ...issue, field: `member.${issue.field}` };
}

/** One canonical string per change, so a resend with its keys in another order hashes the same. */
function contentHash(change: RosterChange, workerId: string): string {
  const member = change.member && [change.member.name, change.member.phone ?? null, change.member.birthYear ?? null, [...(change.member.tags ?? [])].sort()];
  const canonical = JSON.stringify([change.id, change.kind, change.householdId, change.memberId, change.deviceTime, workerId, member ?? null]);
  return createHash('sha256').update(canonical).digest('base64url');
}
