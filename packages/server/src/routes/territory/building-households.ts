import type { HouseholdWithStatusSchema } from '@gridsweep/contract';
import { maskName, maskPhone, type Building, type Household, type Member } from '@gridsweep/core';
import type { Static } from 'typebox';
import type { EventLog } from '../../repositories/event-log.js';
import type { TerritoryRepository } from '../../repositories/territory-repository.js';

/** A door-list entry: names and phones masked (张*明, 138****5678); POST /members/:memberId/reveal shows one in full. */
export type HouseholdWithStatus = Static<typeof HouseholdWithStatusSchema>;

/** A building's door list: households in unit/floor/room order, each with members (masked) and the round's latest values. */
export async function buildingHouseholds(
  territory: TerritoryRepository,
  events: EventLog,
  building: Building,
  roundId: string | undefined,
): Promise<HouseholdWithStatus[]> {
  const [households, members] = await Promise.all([
    territory.householdsOf(building.id),
    territory.membersOfBuilding(building.id),
  ]);
  const latest = roundId === undefined ? [] : await events.latestValues(roundId, households.map((h) => h.id));
  const membersOf = new Map<string, Member[]>();
  for (const member of members) {
    const list = membersOf.get(member.householdId);
    if (list) list.push(member);
    else membersOf.set(member.householdId, [member]);
  }
  const householdValues = new Map<string, Record<string, string>>();
  const memberValues = new Map<string, Record<string, string>>();
  const recordedAt = new Map<string, number>();
  for (const row of latest) {
    const [map, key] = row.memberId === null ? [householdValues, row.householdId] : [memberValues, row.memberId];
    const record = map.get(key) ?? {};
    record[row.field] = row.value;
    map.set(key, record);
    recordedAt.set(row.householdId, Math.max(recordedAt.get(row.householdId) ?? 0, row.deviceTime));
  }
  return households.map((household: Household) => ({
    id: household.id,
    unit: household.unit,
    floor: household.floor,
    room: household.room,
    vacant: household.vacant,
    values: householdValues.get(household.id) ?? {},
    lastRecordedAt: recordedAt.get(household.id) ?? null,
    members: (membersOf.get(household.id) ?? []).map((member) => ({
      id: member.id,
      name: maskName(member.name),
      phone: member.phone ? maskPhone(member.phone) : null,
      birthYear: member.birthYear ?? null,
      tags: member.tags,
      values: memberValues.get(member.id) ?? {},
    })),
  }));
}
