import { uuidV7, type CampaignTemplate, type DetailField, type QuickFill, type SweepEvent } from '@gridsweep/core';
import type { DoorListHousehold } from './sweep-api.js';

type Values = Record<string, string>;

/** What the household sheet holds while the worker types: the household's values and each member's. */
export interface HouseholdDraft {
  household: Values;
  members: Record<string, Values>;
}

/** The sheet opens on what the round has recorded, so saving again changes only what the worker changed. */
export function draftOf(household: DoorListHousehold): HouseholdDraft {
  return { household: { ...household.values }, members: Object.fromEntries(household.members.map((m) => [m.id, { ...m.values }])) };
}

/** One tap for the common case: the quick fill's household values, and its member values for every member. */
export function withQuickFill(draft: HouseholdDraft, fill: QuickFill): HouseholdDraft {
  return {
    household: { ...draft.household, ...fill.household },
    members: Object.fromEntries(Object.entries(draft.members).map(([id, values]) => [id, { ...values, ...fill.member }])),
  };
}

/** What must be filled before saving, as field names to show: the outcome, and details an option requires. */
export function missingFields(draft: HouseholdDraft, template: CampaignTemplate): DetailField['name'][] {
  const missing: DetailField['name'][] = [];
  if (!draft.household[template.household.outcome.id]) missing.push(template.household.outcome.name);
  const required = (values: Values, details: readonly DetailField[]) => {
    for (const detail of details) {
      const when = detail.requiredWhen;
      if (when && when.options.includes(values[when.field] ?? '') && !values[detail.id]?.trim()) missing.push(detail.name);
    }
  };
  required(draft.household, template.household.details);
  if (memberFieldsApply(draft, template)) for (const values of Object.values(draft.members)) required(values, template.member.details);
  return missing;
}

/** Members are recorded only in a household whose door opened. */
export function memberFieldsApply(draft: HouseholdDraft, template: CampaignTemplate): boolean {
  const { outcome } = template.household;
  return outcome.options.find((o) => o.id === draft.household[outcome.id])?.counts === 'visited';
}

export interface EventContext {
  readonly roundId: string;
  readonly workerId: string;
  readonly now: number;
}

/**
 * The events a save makes, ids made here on the phone (UUID v7): the
 * household's always (the worker was at the door now), a member's only where
 * the worker changed it. Blank details are left out.
 */
export function eventsOf(draft: HouseholdDraft, household: DoorListHousehold, template: CampaignTemplate, context: EventContext): SweepEvent[] {
  const base = { roundId: context.roundId, workerId: context.workerId, householdId: household.id, deviceTime: context.now };
  const events: SweepEvent[] = [{ id: uuidV7(context.now), ...base, values: filled(draft.household) }];
  if (!memberFieldsApply(draft, template)) return events;
  for (const member of household.members) {
    const values = filled(draft.members[member.id] ?? {});
    if (!values[template.member.status.id] || sameValues(values, member.values)) continue;
    events.push({ id: uuidV7(context.now), ...base, memberId: member.id, values });
  }
  return events;
}

/** The door list as it reads once the events are counted: what the page shows before the server has them. */
export function recorded(household: DoorListHousehold, events: readonly SweepEvent[]): DoorListHousehold {
  let values = household.values;
  const members = household.members.map((member) => ({ ...member }));
  for (const event of events) {
    if (event.memberId === undefined) values = { ...values, ...event.values };
    else {
      const index = members.findIndex((m) => m.id === event.memberId);
      if (index >= 0) members[index] = { ...members[index]!, values: { ...members[index]!.values, ...event.values } };
    }
  }
  const last = Math.max(household.lastRecordedAt ?? 0, ...events.map((e) => e.deviceTime));
  return { ...household, values, members, lastRecordedAt: last };
}

/**
 * A door list with what this phone recorded laid over it, household by household, where the
 * phone's record is as new as the server's latest or newer (another worker's later visit wins).
 */
export function withLocalRecords<H extends DoorListHousehold>(
  households: readonly H[],
  records: ReadonlyMap<string, { readonly values: Values; readonly members: Readonly<Record<string, Values>>; readonly at: number }>,
): H[] {
  return households.map((household) => {
    const record = records.get(household.id);
    if (!record || record.at < (household.lastRecordedAt ?? 0)) return household;
    return {
      ...household,
      values: { ...household.values, ...record.values },
      members: household.members.map((m) => (record.members[m.id] ? { ...m, values: { ...m.values, ...record.members[m.id] } } : m)),
      lastRecordedAt: record.at,
      // This phone's record is the latest: whoever the server named is not; it names this worker after sync.
      lastRecordedBy: null,
    };
  });
}

function filled(values: Values): Values {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value.trim() !== ''));
}

function sameValues(a: Values, b: Readonly<Values>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
}
