import type { Household, Member } from '@gridsweep/core';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { HOUSEHOLD_COLUMNS, MEMBER_COLUMNS } from '../repositories/territory-repository.js';
import { bulkInsert } from '../repositories/unnest-insert.js';

export interface MemberChange {
  readonly id: string;
  readonly householdId: string;
  readonly phone: string | null;
  readonly birthYear: number | null;
  readonly tags: readonly string[];
}

export interface HouseholdChange {
  readonly id: string;
  readonly floor: number;
  readonly vacant: boolean;
}

const FLUSH_ROWS = 5000;

/**
 * Gathers a roster import's writes and sends them in array-parameter
 * statements of a few thousand rows, inside the import's transaction. With
 * no database (a dry run) it only counts. With `keep`, it also remembers
 * everything written, for the server to mirror into memory after the commit.
 */
export class RosterWriter {
  private households: Household[] = [];
  private members: Member[] = [];
  private memberChanges: MemberChange[] = [];
  private householdChanges: HouseholdChange[] = [];
  readonly kept = { households: [] as Household[], members: [] as Member[], memberChanges: [] as MemberChange[], householdChanges: [] as HouseholdChange[] };

  constructor(
    private readonly db: Kysely<Database> | null,
    private readonly keep: boolean,
  ) {}

  async addHousehold(household: Household): Promise<void> {
    this.households.push(household);
    await this.maybeFlush();
  }

  async addMember(member: Member): Promise<void> {
    this.members.push(member);
    await this.maybeFlush();
  }

  async changeMember(change: MemberChange): Promise<void> {
    this.memberChanges.push(change);
    await this.maybeFlush();
  }

  async changeHousehold(change: HouseholdChange): Promise<void> {
    this.householdChanges.push(change);
    await this.maybeFlush();
  }

  async flush(): Promise<void> {
    const { households, members, memberChanges, householdChanges } = this;
    this.households = [];
    this.members = [];
    this.memberChanges = [];
    this.householdChanges = [];
    if (this.keep) {
      this.kept.households.push(...households);
      this.kept.members.push(...members);
      this.kept.memberChanges.push(...memberChanges);
      this.kept.householdChanges.push(...householdChanges);
    }
    const db = this.db;
    if (!db) return;
    await bulkInsert(db, 'households', HOUSEHOLD_COLUMNS, households);
    await bulkInsert(db, 'members', MEMBER_COLUMNS, members);
    if (memberChanges.length > 0) {
      await sql`
        update members set phone = v.phone, birth_year = v.birth_year, tags = v.tags
        from unnest(${memberChanges.map((c) => c.id)}::text[], ${memberChanges.map((c) => c.phone)}::text[],
                    ${memberChanges.map((c) => c.birthYear)}::integer[], ${memberChanges.map((c) => JSON.stringify(c.tags))}::jsonb[])
          as v(id, phone, birth_year, tags)
        where members.id = v.id`.execute(db);
    }
    if (householdChanges.length > 0) {
      await sql`
        update households set floor = v.floor, vacant = v.vacant
        from unnest(${householdChanges.map((c) => c.id)}::text[], ${householdChanges.map((c) => c.floor)}::integer[],
                    ${householdChanges.map((c) => c.vacant)}::boolean[]) as v(id, floor, vacant)
        where households.id = v.id`.execute(db);
    }
  }

  private async maybeFlush(): Promise<void> {
    const pending = this.households.length + this.members.length + this.memberChanges.length + this.householdChanges.length;
    if (pending >= FLUSH_ROWS) await this.flush();
  }
}
