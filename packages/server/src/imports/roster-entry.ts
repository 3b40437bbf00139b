import { importedId } from './imported-id.js';
import type { ProblemList } from './import-problem.js';
import type { RosterFieldId } from './roster-fields.js';
import type { RosterRow } from './roster-row.js';
import type { RosterWriter } from './roster-writer.js';
import { householdKey, type StoredHousehold, type StoredHouseholds } from './stored-households.js';

interface SeenHousehold {
  readonly id: string;
  /** Member name to the row that first named it. */
  readonly names: Map<string, number>;
}

interface Tally {
  add: number;
  change: number;
  leave: number;
}

function sameTags(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((tag) => b.includes(tag));
}

/**
 * Matches roster rows to the stored roster and decides, row by row, what to
 * add, change or leave: a household by building, unit and room, a member by
 * name within it. Nothing is ever deleted.
 */
export class RosterEntry {
  readonly households: Tally = { add: 0, change: 0, leave: 0 };
  readonly members: Tally = { add: 0, change: 0, leave: 0 };
  private readonly seenHouseholds = new Map<string, SeenHousehold>();

  constructor(
    private readonly stored: StoredHouseholds,
    private readonly writer: RosterWriter,
    private readonly problems: ProblemList,
    /** The optional fields the file has a column for: a missing column leaves what is stored. */
    private readonly columns: ReadonlySet<RosterFieldId>,
  ) {}

  /** The keys of every household the file lists. */
  get seen(): ReadonlySet<string> {
    return new Set(this.seenHouseholds.keys());
  }

  async add(buildingId: string, row: RosterRow): Promise<void> {
    const key = householdKey(buildingId, row.unit, row.room);
    const stored = await this.stored.find(buildingId, row.unit, row.room);
    let household = this.seenHouseholds.get(key);
    if (!household) {
      household = { id: stored?.id ?? importedId('h', buildingId, row.unit, row.room), names: new Map() };
      this.seenHouseholds.set(key, household);
      await this.household(household.id, buildingId, row, stored);
    }
    const first = household.names.get(row.name);
    if (first !== undefined) {
      this.problems.add({ row: row.row, column: '姓名', value: row.name, reason: `the household already has a member of this name (row ${first}); a roster tells members apart by name` });
      return;
    }
    household.names.set(row.name, row.row);
    await this.member(household.id, row, stored);
  }

  async finish(): Promise<void> {
    await this.writer.flush();
  }

  private async household(id: string, buildingId: string, row: RosterRow, stored: StoredHousehold | undefined): Promise<void> {
    if (!stored) {
      this.households.add++;
      await this.writer.addHousehold({ id, buildingId, unit: row.unit, floor: row.floor, room: row.room, vacant: row.vacant });
      return;
    }
    const floor = this.columns.has('floor') ? row.floor : stored.floor;
    const vacant = this.columns.has('vacant') ? row.vacant : stored.vacant;
    if (stored.floor !== floor || stored.vacant !== vacant) {
      this.households.change++;
      await this.writer.changeHousehold({ id, floor, vacant });
    } else this.households.leave++;
  }

  private async member(householdId: string, row: RosterRow, stored: StoredHousehold | undefined): Promise<void> {
    const known = stored?.members.get(row.name);
    if (!known) {
      this.members.add++;
      const id = importedId('m', householdId, row.name);
      await this.writer.addMember({ id, householdId, name: row.name, phone: row.phone, birthYear: row.birthYear, tags: row.tags });
      return;
    }
    const phone = this.columns.has('phone') ? row.phone : known.phone;
    const birthYear = this.columns.has('birthYear') ? row.birthYear : known.birthYear;
    const tags = this.columns.has('specialGroups') ? row.tags : known.tags;
    if (known.phone === phone && known.birthYear === birthYear && sameTags(known.tags, tags)) {
      this.members.leave++;
      return;
    }
    this.members.change++;
    await this.writer.changeMember({ id: known.id, householdId, phone, birthYear, tags });
  }
}
