import { maskName, maskPhone } from '@gridsweep/core';
import type { RosterChange } from './field-db.js';
import type { DoorListHousehold } from './sweep-api.js';

/**
 * A door list as it reads once the roster changes made on this phone are
 * written: a member added joins their household (masked, as the server would
 * answer), a member moved out leaves it. Laying a change over a list that
 * already holds it changes nothing, so the server's newer list and the
 * phone's changes may meet in any order.
 */
export function withRosterChanges<H extends DoorListHousehold>(households: readonly H[], changes: readonly RosterChange[]): H[] {
  if (changes.length === 0) return [...households];
  const byHousehold = new Map<string, RosterChange[]>();
  for (const change of changes) byHousehold.set(change.householdId, [...(byHousehold.get(change.householdId) ?? []), change]);
  return households.map((household) => {
    const mine = byHousehold.get(household.id);
    return mine ? mine.reduce<H>((changed, change) => withRosterChange(changed, change), household) : household;
  });
}

export function withRosterChange<H extends DoorListHousehold>(household: H, change: RosterChange): H {
  const present = household.members.some((m) => m.id === change.memberId);
  if (change.kind === 'memberMovedOut') return present ? { ...household, members: household.members.filter((m) => m.id !== change.memberId) } : household;
  if (present || !change.member) return household;
  const { name, phone, birthYear, tags } = change.member;
  const member = { id: change.memberId, name: maskName(name), phone: phone ? maskPhone(phone) : null, birthYear: birthYear ?? null, tags: tags ?? [], values: {} };
  return { ...household, members: [...household.members, member] };
}
