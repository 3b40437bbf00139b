import { leafLevel, type AccessScope, type Role } from '@gridsweep/core';
import type { RosterTerritory as Territory } from '../roster-territory.js';
import { newPassword } from '../access/secrets.js';
import type { UserStore } from '../access/user-store.js';

export interface DemoAccount {
  readonly username: string;
  readonly password: string;
  readonly role: Role;
  /** What the account covers, in words, for the printout. */
  readonly covers: string;
}

/**
 * One account of each role that signs in, over the demo city: the city's
 * commander, a community's supervisor, a worker of one of its micro-grids and
 * a resident of a household there. Created once; null when they exist already
 * (their passwords were shown when they were made).
 */
export async function createDemoAccounts(users: UserStore, territory: Territory): Promise<DemoAccount[] | null> {
  if ((await users.byUsername('commander')) !== undefined) return null;
  const city = territory.roots()[0];
  if (!city) return null;
  const microgrid = firstLeafBelow(territory, city.id, leafLevel(territory.levels).id);
  if (!microgrid) return null;
  // The supervisor looks after the micro-grid's community (two levels up in the default tree).
  const ancestors = territory.ancestors(microgrid);
  const community = ancestors.find((area) => area.level === 'community') ?? ancestors[1] ?? city;
  const householdId = territory.buildingsOf(microgrid).flatMap((b) => territory.householdIdsOf(b.id)).find((id) => territory.householdVacant(id) === false);
  if (!householdId) return null;

  const plan: { username: string; role: Role; scope: AccessScope; covers: string }[] = [
    { username: 'commander', role: 'commander', scope: { kind: 'areas', areaIds: [city.id] }, covers: `${city.name}: counts only` },
    { username: 'supervisor', role: 'supervisor', scope: { kind: 'areas', areaIds: [community.id] }, covers: community.name },
    { username: 'worker', role: 'worker', scope: { kind: 'areas', areaIds: [microgrid] }, covers: territory.area(microgrid)!.name },
    { username: 'resident', role: 'resident', scope: { kind: 'household', householdId }, covers: `household ${householdId}` },
  ];
  const made: DemoAccount[] = [];
  for (const account of plan) {
    const password = newPassword();
    await users.create({ username: account.username, displayName: `Demo ${account.role}`, role: account.role, scope: account.scope, password });
    made.push({ username: account.username, password, role: account.role, covers: account.covers });
  }
  return made;
}

function firstLeafBelow(territory: Territory, areaId: string, leaf: string): string | undefined {
  let area = territory.area(areaId);
  while (area && area.level !== leaf) area = territory.children(area.id)[0];
  return area?.id;
}
