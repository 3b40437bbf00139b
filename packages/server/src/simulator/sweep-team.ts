import { uuidV7, type CampaignTemplate, type Household, type Member, type SweepEvent, type Territory } from '@gridsweep/core';
import type { Random } from '../city/random.js';
import type { SweepBehaviour } from './options.js';

const SECOND = 1000;
const MINUTE = 60 * SECOND;

export interface TeamAssignment {
  readonly territory: Territory;
  /** The round's template: what is recorded, and who of a household is asked. */
  readonly template: CampaignTemplate;
  readonly microgridId: string;
  readonly roundId: string;
  readonly startsAt: number;
  readonly behaviour: SweepBehaviour;
  /** Share of members whose job is done first recorded as not done and corrected later. */
  readonly correctionRate: number;
  readonly random: Random;
}

// A worker takes about this many occupied dwellings; a large micro-grid gets a larger team.
const HOUSEHOLDS_PER_WORKER = 60;
const PACE_RANGE = [0.5, 2.2] as const;

/**
 * What one micro-grid's team records in a morning, in device-time order. The
 * team shares a pace and a start; its workers split the dwellings in walking
 * order and each goes building by building, unit by unit, floor by floor,
 * then back to the doors that did not open. Roster-vacant dwellings are not
 * to be visited and are skipped.
 */
export function sweepTeam(assignment: TeamAssignment): SweepEvent[] {
  const { territory, microgridId, behaviour, random } = assignment;
  // Above 1 the team is slow, below 1 quick; every duration is scaled by it.
  const pace = Math.min(PACE_RANGE[1], Math.max(PACE_RANGE[0], random.logNormal(1, behaviour.speedSpread)));
  const late = random.chance(behaviour.lateStarters);
  const teamStart = assignment.startsAt + (late ? random.int(30, 90) : random.int(0, 15)) * MINUTE;
  const route = territory
    .buildingsOf(microgridId)
    .flatMap((building) => territory.householdsOf(building.id))
    .filter((household) => !household.vacant);
  const workers = Math.max(1, Math.round(route.length / HOUSEHOLDS_PER_WORKER));
  const shift: SweepEvent[][] = [];
  for (let w = 0; w < workers; w++) {
    const share = route.slice(Math.floor((w * route.length) / workers), Math.floor(((w + 1) * route.length) / workers));
    const start = teamStart + random.int(0, 5 * 60) * SECOND;
    shift.push(sweepRoute(assignment, `w-${microgridId}-${w + 1}`, share, start, pace));
  }
  return shift.flat().sort((a, b) => a.deviceTime - b.deviceTime);
}

/** One worker's round: the first knock at every door of the route, then the revisits. */
function sweepRoute(assignment: TeamAssignment, workerId: string, route: readonly Household[], start: number, pace: number): SweepEvent[] {
  const { territory, roundId, behaviour, random, template } = assignment;
  const { outcome, status, marker } = { outcome: template.household.outcome, status: template.member.status, marker: template.member.marker };
  const optionOf = (field: { options: readonly { id: string; counts: string }[] }, kind: string): string | undefined => {
    const options = field.options.filter((o) => o.counts === kind);
    return options.length === 0 ? undefined : options[random.int(0, options.length - 1)]!.id;
  };
  const roundYear = new Date(assignment.startsAt).getUTCFullYear();
  const asked = (member: Member) => template.population.minAge === null || (member.birthYear != null && roundYear - member.birthYear >= template.population.minAge);
  const memberValues = (statusKind: string): Record<string, string> | undefined => {
    const option = optionOf(status, statusKind);
    if (option === undefined) return undefined;
    const tone = random.weighted(Object.entries(behaviour.markerTone));
    const markerOption = marker?.options.find((o) => o.tone === tone);
    const values: Record<string, string> = { [status.id]: option, ...(marker && markerOption ? { [marker.id]: markerOption.id } : {}) };
    // A detail the template asks for with this status (an exemption's reason) is filled in, as a form would insist.
    for (const detail of template.member.details) if (detail.requiredWhen?.field === status.id && detail.requiredWhen.options.includes(option)) values[detail.id] = '已核实';
    return values;
  };
  let time = start;
  const pass = (min: number, max: number): void => {
    time += Math.round(random.int(min, max) * SECOND * pace);
  };
  const events: SweepEvent[] = [];
  const record = (householdId: string, values: Record<string, string>, memberId?: string, at = time): SweepEvent => ({
    id: uuidV7(at, () => random.next()),
    deviceTime: at,
    roundId,
    workerId,
    householdId,
    ...(memberId === undefined ? {} : { memberId }),
    values,
  });

  /** Knocks on one door; returns whether the household is done with (anything but a no-answer). */
  const knock = (household: Household, answerChance: number): boolean => {
    const door = (kind: string) => events.push(record(household.id, { [outcome.id]: optionOf(outcome, kind)! }));
    if (random.chance(behaviour.foundVacant)) {
      door('vacant');
      pass(10, 20);
      return true;
    }
    if (!random.chance(answerChance)) {
      door('no_answer');
      pass(20, 45);
      return false;
    }
    if (random.chance(behaviour.refusal)) {
      door('refused');
      pass(30, 60);
      return true;
    }
    door('visited');
    pass(10, 30);
    for (const member of territory.membersOf(household.id)) {
      if (!asked(member)) continue;
      const kind = random.weighted(Object.entries(behaviour.memberStatus));
      const values = memberValues(kind);
      if (values === undefined) continue;
      const notYet = kind === 'done' && random.chance(assignment.correctionRate) ? memberValues('not_done') : undefined;
      if (notYet) {
        events.push(record(household.id, notYet, member.id));
        // The worker learns of it later (a message, a screenshot) and corrects the record.
        events.push(record(household.id, values, member.id, time + random.int(5, 40) * MINUTE));
      } else {
        events.push(record(household.id, values, member.id));
      }
      pass(10, 30);
    }
    return true;
  };

  let building = '';
  let unit = 0;
  let floor = 0;
  let unanswered: Household[] = [];
  for (const household of route) {
    if (household.buildingId !== building) {
      if (building !== '') pass(120, 300);
    } else if (household.unit !== unit) pass(45, 90);
    else if (household.floor !== floor) pass(10, 30);
    building = household.buildingId;
    unit = household.unit;
    floor = household.floor;
    if (!knock(household, behaviour.answerFirstVisit)) unanswered.push(household);
  }
  for (let visit = 0; visit < behaviour.revisits && unanswered.length > 0; visit++) {
    pass(10 * 60, 30 * 60);
    unanswered = unanswered.filter((household) => {
      pass(30, 90);
      return !knock(household, behaviour.answerRevisit);
    });
  }
  return events;
}

