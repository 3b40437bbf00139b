import type { HouseholdWithStatusSchema } from '@gridsweep/contract';
import { latestValues, maskName, maskPhone, type Building, type Household, type Member, type Round } from '@gridsweep/core';
import type { Static } from 'typebox';
import type { Campaign } from '../../campaigns/campaign-catalogue.js';
import type { CountingService } from '../../counting/counting-service.js';
import type { EventLog } from '../../repositories/event-log.js';
import type { TerritoryRepository } from '../../repositories/territory-repository.js';

/** A door-list entry: names and phones masked (张*明, 138****5678); POST /members/:memberId/reveal shows one in full. */
export type HouseholdWithStatus = Static<typeof HouseholdWithStatusSchema>;

/** What a door list reads: the roster's rows, the event log, and the counting engine's values. */
export interface DoorListSources {
  readonly territory: TerritoryRepository;
  readonly events: EventLog;
  readonly counting: CountingService;
  /** Display names of workers by id: a door list says who recorded last, and nothing more of them. */
  readonly workerNames: (ids: readonly string[]) => Promise<ReadonlyMap<string, string>>;
}

/**
 * A building's door list: households in unit/floor/room order, each with
 * members (masked) and, for a round, what is recorded now. The counted fields
 * are the counting engine's own values; the details (a note, a date) are
 * resolved from the log by core's latestValues in the engine's order, so a
 * door list never disagrees with the counts (see docs/decisions/0045).
 */
export async function buildingHouseholds(sources: DoorListSources, building: Building, round: { round: Round; campaign: Campaign } | undefined): Promise<HouseholdWithStatus[]> {
  const [households, members] = await Promise.all([sources.territory.householdsOf(building.id), sources.territory.membersOfBuilding(building.id)]);
  const observations = round === undefined ? [] : await sources.events.observations(round.round.id, households.map((h) => h.id));
  const membersOf = group(members, (member) => member.householdId);
  const observed = group(observations, (row) => row.householdId);
  const names = await sources.workerNames([...new Set(observations.map((row) => row.workerId))]);
  return households.map((household: Household) => {
    const latest = round && latestValues(observed.get(household.id) ?? [], round.round, round.campaign.template);
    const counted = (values: Readonly<Record<string, string>> | undefined) => ({ ...values });
    return {
      id: household.id,
      unit: household.unit,
      floor: household.floor,
      room: household.room,
      vacant: household.vacant,
      values: round ? { ...latest!.household, ...counted(sources.counting.householdValues(round.round.id, household.id)) } : {},
      lastRecordedAt: latest?.lastRecordedAt ?? null,
      lastRecordedBy: latest ? latestWorkerName(observed.get(household.id) ?? [], latest.lastRecordedAt, names) : null,
      members: (membersOf.get(household.id) ?? []).map((member: Member) => ({
        id: member.id,
        name: maskName(member.name),
        phone: member.phone ? maskPhone(member.phone) : null,
        birthYear: member.birthYear ?? null,
        tags: member.tags,
        values: round ? { ...latest!.members.get(member.id), ...counted(sources.counting.memberValues(round.round.id, member.id)) } : {},
      })),
    };
  });
}

/** Who made the household's latest record: the worker of the observation at its time (the latest one, if none is). */
function latestWorkerName(
  observations: readonly { readonly workerId: string; readonly deviceTime: number }[],
  at: number | null,
  names: ReadonlyMap<string, string>,
): string | null {
  let latest: { readonly workerId: string; readonly deviceTime: number } | undefined;
  for (const row of observations) if (!latest || row.deviceTime === at || (latest.deviceTime !== at && row.deviceTime > latest.deviceTime)) latest = row;
  return latest ? (names.get(latest.workerId) ?? null) : null;
}

function group<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const list = groups.get(key(item));
    if (list) list.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}
