import type { Area, Building, Household, Member } from '@gridsweep/core';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { householdFromRow, memberFromRow } from '../repositories/row-mapping.js';
import type { RosterTerritory } from '../roster-territory.js';

/** A household as a ledger lists it: where it is, and who lives there. */
export interface LedgerHousehold {
  readonly microgrid: Area;
  readonly building: Building;
  readonly household: Household;
  readonly members: readonly Member[];
}

/** Buildings read from the database in one query each for households and members. */
const BUILDINGS_PER_BATCH = 200;

/** The micro-grids (areas without children) of a subtree, in tree order. */
function leavesOf(territory: RosterTerritory, root: Area): Area[] {
  const leaves: Area[] = [];
  const stack: Area[] = [root];
  while (stack.length > 0) {
    const area = stack.pop()!;
    const children = territory.children(area.id);
    if (children.length === 0) leaves.push(area);
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return leaves;
}

/**
 * Every household of an area with its members, building by building in tree
 * order, read from the database a batch of buildings at a time: names and
 * phones live only there (see docs/decisions/0045), and a ledger of a whole
 * district must not hold them all at once.
 */
export async function* householdsWithin(db: Kysely<Database>, territory: RosterTerritory, root: Area): AsyncGenerator<LedgerHousehold> {
  const buildings: { microgrid: Area; building: Building }[] = [];
  for (const microgrid of leavesOf(territory, root)) for (const building of territory.buildingsOf(microgrid.id)) buildings.push({ microgrid, building });
  for (let start = 0; start < buildings.length; start += BUILDINGS_PER_BATCH) {
    const batch = buildings.slice(start, start + BUILDINGS_PER_BATCH);
    const ids = batch.map((entry) => entry.building.id);
    const [householdRows, memberRows] = await Promise.all([
      db.selectFrom('households').selectAll().where('building_id', 'in', ids).orderBy('unit').orderBy('floor').orderBy('room').execute(),
      db
        .selectFrom('members')
        .innerJoin('households', 'households.id', 'members.household_id')
        .selectAll('members')
        .where('households.building_id', 'in', ids)
        .orderBy('members.id')
        .execute(),
    ]);
    const membersOf = new Map<string, Member[]>();
    for (const row of memberRows) {
      const member = memberFromRow(row);
      const list = membersOf.get(member.householdId);
      if (list) list.push(member);
      else membersOf.set(member.householdId, [member]);
    }
    const householdsOf = new Map<string, Household[]>();
    for (const row of householdRows) {
      const household = householdFromRow(row);
      const list = householdsOf.get(household.buildingId);
      if (list) list.push(household);
      else householdsOf.set(household.buildingId, [household]);
    }
    for (const { microgrid, building } of batch) {
      for (const household of householdsOf.get(building.id) ?? []) yield { microgrid, building, household, members: membersOf.get(household.id) ?? [] };
    }
  }
}
