import { NUCLEIC_ACID_TEMPLATE, tickOf, tickOrigin, type AreaCounts, type SweepEvent } from '../../src/index.js';

/** A plain roster, as the property test builds it. */
export interface PlainRoster {
  readonly areas: { id: string; parentId: string | null }[];
  readonly buildings: Map<string, string>;
  readonly households: Map<string, { buildingId: string; vacant: boolean }>;
  readonly members: Map<string, { householdId: string; tags: string[] }>;
}

const template = NUCLEIC_ACID_TEMPLATE;
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

/** Counts every area from scratch, the slow and obvious way, to hold the engine to. */
export function referenceCounts(roster: PlainRoster, events: readonly SweepEvent[], startsAt: number): Map<string, AreaCounts> {
  const origin = tickOrigin(startsAt);
  const kind = (options: readonly { id: string; counts: string }[], id: string | undefined) => options.find((o) => o.id === id)?.counts;
  const perArea = new Map<string, number[]>();
  const groups = template.specialGroups.map((g) => g.id);
  const blank = () => new Array<number>(12 + 3 * groups.length).fill(0);
  for (const area of roster.areas) perArea.set(area.id, blank());
  const add = (leaf: string, index: number) => {
    for (let id: string | null = leaf; id !== null; id = roster.areas.find((a) => a.id === id)!.parentId) perArea.get(id)![index]!++;
  };
  for (const [householdId, household] of roster.households) {
    const leaf = roster.buildings.get(household.buildingId)!;
    const outcome = kind(template.householdOutcome.options, winner(events.filter((e) => e.householdId === householdId && e.memberId === undefined), 'outcome', template.householdOutcome.options, origin));
    const vacant = household.vacant || outcome === 'vacant';
    const visited = !vacant && outcome === 'visited';
    add(leaf, 0);
    if (vacant) add(leaf, 1);
    else if (outcome === 'visited') add(leaf, 2);
    else if (outcome === 'no_answer') add(leaf, 3);
    else if (outcome === 'refused') add(leaf, 4);
    for (const [memberId, member] of roster.members) {
      if (member.householdId !== householdId) continue;
      const own = events.filter((e) => e.memberId === memberId);
      const status = kind(template.memberStatus.options, winner(own, 'test', template.memberStatus.options, origin));
      const code = kind(template.memberMarker!.options, winner(own, 'code', template.memberMarker!.options, origin));
      add(leaf, 5);
      if (status === 'done') add(leaf, 6);
      if (status === 'exempt') add(leaf, 7);
      if (status === 'away') add(leaf, 8);
      if (code === 'green') add(leaf, 9);
      if (code === 'yellow') add(leaf, 10);
      if (code === 'red') add(leaf, 11);
      for (const tag of member.tags) {
        const g = 12 + 3 * groups.indexOf(tag);
        add(leaf, g);
        if (!visited) add(leaf, g + 1);
        if (status !== 'done' && status !== 'exempt' && status !== 'away') add(leaf, g + 2);
      }
    }
  }
  const result = new Map<string, AreaCounts>();
  for (const [id, c] of perArea) {
    result.set(id, {
      households: { total: c[0]!, toVisit: c[0]! - c[1]!, visited: c[2]!, noAnswer: c[3]!, refused: c[4]!, vacant: c[1]! },
      members: { total: c[5]!, eligible: c[5]! - c[7]! - c[8]!, tested: c[6]!, exempt: c[7]!, away: c[8]! },
      codes: { green: c[9]!, yellow: c[10]!, red: c[11]!, unknown: c[5]! - c[9]! - c[10]! - c[11]! },
      specialGroups: Object.fromEntries(groups.map((g, i) => [g, { total: c[12 + 3 * i]!, notVisited: c[13 + 3 * i]!, notTested: c[14 + 3 * i]! }])),
    });
  }
  return result;
}
