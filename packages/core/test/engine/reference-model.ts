import { NUCLEIC_ACID_TEMPLATE, tickOf, tickOrigin, type AreaCounts, type CampaignTemplate, type SweepEvent } from '../../src/index.js';

/** A plain roster, as the property test builds it. */
export interface PlainRoster {
  readonly areas: { id: string; parentId: string | null }[];
  readonly buildings: Map<string, string>;
  readonly households: Map<string, { buildingId: string; vacant: boolean }>;
  readonly members: Map<string, { householdId: string; tags: string[]; birthYear?: number | null; departed?: boolean }>;
}

const optionIndex = (fieldOptions: readonly { id: string }[], id: string) => fieldOptions.findIndex((o) => o.id === id);

/** The winner of one field by the documented rule: the largest (tick, option order). */
function winner(events: readonly SweepEvent[], field: string, options: readonly { id: string }[], origin: number): string | undefined {
  let best: [number, number, string] | undefined;
  for (const event of events) {
    const value = event.values[field];
    if (value === undefined) continue;
    const key: [number, number, string] = [tickOf(event.deviceTime, origin), optionIndex(options, value), value];
    if (!best || key[0] > best[0] || (key[0] === best[0] && key[1] > best[1])) best = key;
  }
  return best?.[2];
}

interface Tally {
  households: number;
  vacant: number;
  visited: number;
  noAnswer: number;
  refused: number;
  members: number;
  done: number;
  exempt: number;
  away: number;
  reached: number;
  markers: Map<string, number>;
  groups: Map<string, { total: number; notVisited: number; notDone: number }>;
}

/**
 * Counts every area from scratch, the slow and obvious way, to hold the
 * engine to: straight from the template's definition, with none of the
 * engine's tables, bits or ticks-in-words.
 */
export function referenceCounts(roster: PlainRoster, events: readonly SweepEvent[], startsAt: number, template: CampaignTemplate = NUCLEIC_ACID_TEMPLATE): Map<string, AreaCounts> {
  const origin = tickOrigin(startsAt);
  const kind = <K extends string>(options: readonly { id: string; counts: K }[], id: string | undefined) => options.find((o) => o.id === id)?.counts;
  const marker = template.member.marker;
  const minAge = template.population.minAge;
  const roundYear = new Date(startsAt).getUTCFullYear();
  const perArea = new Map<string, Tally>();
  const blank = (): Tally => ({
    households: 0, vacant: 0, visited: 0, noAnswer: 0, refused: 0, members: 0, done: 0, exempt: 0, away: 0, reached: 0,
    markers: new Map(marker?.options.map((o) => [o.id, 0]) ?? []),
    groups: new Map(template.specialGroups.map((g) => [g.id, { total: 0, notVisited: 0, notDone: 0 }])),
  });
  for (const area of roster.areas) perArea.set(area.id, blank());
  const chain = (leaf: string) => {
    const tallies: Tally[] = [];
    for (let id: string | null = leaf; id !== null; id = roster.areas.find((a) => a.id === id)!.parentId) tallies.push(perArea.get(id)!);
    return tallies;
  };
  for (const [householdId, household] of roster.households) {
    const tallies = chain(roster.buildings.get(household.buildingId)!);
    const outcomeField = template.household.outcome;
    const outcome = kind(outcomeField.options, winner(events.filter((e) => e.householdId === householdId && e.memberId === undefined), outcomeField.id, outcomeField.options, origin));
    const vacant = household.vacant || outcome === 'vacant';
    const visited = !vacant && outcome === 'visited';
    for (const t of tallies) {
      t.households++;
      if (vacant) t.vacant++;
      else if (outcome === 'visited') t.visited++;
      else if (outcome === 'no_answer') t.noAnswer++;
      else if (outcome === 'refused') t.refused++;
    }
    for (const [memberId, member] of roster.members) {
      if (member.householdId !== householdId || member.departed) continue;
      if (minAge !== null && (member.birthYear == null || roundYear - member.birthYear < minAge)) continue;
      const own = events.filter((e) => e.memberId === memberId);
      const statusField = template.member.status;
      const status = kind(statusField.options, winner(own, statusField.id, statusField.options, origin));
      const markerValue = marker ? winner(own, marker.id, marker.options, origin) ?? marker.unrecorded ?? undefined : undefined;
      const owes = status !== 'done' && status !== 'exempt' && status !== 'away';
      for (const t of tallies) {
        t.members++;
        if (status === 'done') t.done++;
        if (status === 'exempt') t.exempt++;
        if (status === 'away') t.away++;
        if (visited) t.reached++;
        if (markerValue !== undefined) t.markers.set(markerValue, t.markers.get(markerValue)! + 1);
        for (const tag of member.tags) {
          const group = t.groups.get(tag);
          if (!group) continue;
          group.total++;
          if (!visited) group.notVisited++;
          if (owes) group.notDone++;
        }
      }
    }
  }
  const result = new Map<string, AreaCounts>();
  for (const [id, t] of perArea) {
    result.set(id, {
      households: { total: t.households, toVisit: t.households - t.vacant, visited: t.visited, noAnswer: t.noAnswer, refused: t.refused, vacant: t.vacant },
      members: { total: t.members, eligible: t.members - t.exempt - t.away, done: t.done, exempt: t.exempt, away: t.away, reached: t.reached },
      markers: Object.fromEntries(t.markers),
      specialGroups: Object.fromEntries(t.groups),
    });
  }
  return result;
}
