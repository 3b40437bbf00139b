import { NUCLEIC_ACID_TEMPLATE } from '../src/index.js';
import type { SyntheticCity } from './synthetic-city.js';

/**
 * The model the engine is measured against: what one would write first — a
 * Map of household objects holding member objects, each field with its own
 * (device time, event id) order key, and counter objects per area updated up
 * the parent chain. Same events, same rules, no typed arrays.
 */
interface GroupCounts {
  total: number;
  notVisited: number;
  notTested: number;
}
interface Counts {
  households: number;
  vacant: number;
  visited: number;
  noAnswer: number;
  refused: number;
  members: number;
  tested: number;
  exempt: number;
  away: number;
  green: number;
  yellow: number;
  red: number;
  groups: Record<string, GroupCounts>;
}
interface BaselineArea {
  readonly parent: BaselineArea | null;
  readonly counts: Counts;
}
interface BaselineMember {
  readonly tags: string[];
  status: number;
  statusTime: number;
  statusId: number;
  code: number;
  codeTime: number;
  codeId: number;
}
interface BaselineHousehold {
  readonly area: BaselineArea;
  readonly vacant: boolean;
  outcome: number;
  outcomeTime: number;
  outcomeId: number;
  readonly members: BaselineMember[];
}

const TAG_IDS = NUCLEIC_ACID_TEMPLATE.specialGroups.map((g) => g.id);
// In the nucleic-acid template option codes and kinds line up: 1 visited / tested / green, 3 vacant / exempt / red...
const VISITED = 1;
const NO_ANSWER = 2;
const VACANT = 3;
const REFUSED = 4;

function newCounts(): Counts {
  const groups: Record<string, GroupCounts> = {};
  for (const tag of TAG_IDS) groups[tag] = { total: 0, notVisited: 0, notTested: 0 };
  return { households: 0, vacant: 0, visited: 0, noAnswer: 0, refused: 0, members: 0, tested: 0, exempt: 0, away: 0, green: 0, yellow: 0, red: 0, groups };
}

const later = (time: number, id: number, oldTime: number, oldId: number) => time > oldTime || (time === oldTime && id > oldId);

export class BaselineModel {
  readonly households = new Map<number, BaselineHousehold>();
  readonly areas: BaselineArea[] = [];

  constructor(city: SyntheticCity) {
    const byId = new Map<string, BaselineArea>();
    for (const area of city.bulk.areas) {
      const made = { parent: area.parentId === null ? null : byId.get(area.parentId)!, counts: newCounts() };
      byId.set(area.id, made);
      this.areas.push(made);
    }
    let slot = 0;
    for (let h = 0; h < city.households; h++) {
      const members: BaselineMember[] = [];
      for (let k = 0; k < city.bulk.householdMemberCounts[h]!; k++, slot++) {
        const mask = city.bulk.memberTags?.[slot] ?? 0;
        members.push({ tags: TAG_IDS.filter((_, bit) => mask & (1 << bit)), status: 0, statusTime: 0, statusId: 0, code: 0, codeTime: 0, codeId: 0 });
      }
      const household = { area: this.areas[city.leafOfHousehold[h]!]!, vacant: city.bulk.householdVacant?.[h] === 1, outcome: 0, outcomeTime: 0, outcomeId: 0, members };
      this.households.set(h, household);
      this.householdPart(household, 1);
      for (const member of members) this.memberPart(household, member, 1);
    }
  }

  apply(h: number, m: number, time: number, codes: number, id: number): void {
    const household = this.households.get(h)!;
    if (m < 0) {
      if (household.outcome !== 0 && !later(time, id, household.outcomeTime, household.outcomeId)) return;
      this.householdPart(household, -1);
      household.outcome = codes & 15;
      household.outcomeTime = time;
      household.outcomeId = id;
      this.householdPart(household, 1);
      return;
    }
    const member = household.members[m]!;
    this.memberPart(household, member, -1);
    const status = codes & 15;
    const code = codes >>> 4;
    if (status !== 0 && (member.status === 0 || later(time, id, member.statusTime, member.statusId))) {
      member.status = status;
      member.statusTime = time;
      member.statusId = id;
    }
    if (code !== 0 && (member.code === 0 || later(time, id, member.codeTime, member.codeId))) {
      member.code = code;
      member.codeTime = time;
      member.codeId = id;
    }
    this.memberPart(household, member, 1);
  }

  private householdPart(household: BaselineHousehold, sign: number): void {
    const vacant = household.vacant || household.outcome === VACANT;
    const notVisited = vacant || household.outcome !== VISITED;
    for (let area: BaselineArea | null = household.area; area !== null; area = area.parent) {
      const c = area.counts;
      c.households += sign;
      if (vacant) c.vacant += sign;
      else if (household.outcome === VISITED) c.visited += sign;
      else if (household.outcome === NO_ANSWER) c.noAnswer += sign;
      else if (household.outcome === REFUSED) c.refused += sign;
      if (notVisited) for (const member of household.members) for (const tag of member.tags) c.groups[tag]!.notVisited += sign;
    }
  }

  private memberPart(household: BaselineHousehold, member: BaselineMember, sign: number): void {
    const owesTest = member.status !== 1 && member.status !== 3 && member.status !== 4;
    for (let area: BaselineArea | null = household.area; area !== null; area = area.parent) {
      const c = area.counts;
      c.members += sign;
      if (member.status === 1) c.tested += sign;
      else if (member.status === 3) c.exempt += sign;
      else if (member.status === 4) c.away += sign;
      if (member.code === 1) c.green += sign;
      else if (member.code === 2) c.yellow += sign;
      else if (member.code === 3) c.red += sign;
      for (const tag of member.tags) {
        c.groups[tag]!.total += sign;
        if (owesTest) c.groups[tag]!.notTested += sign;
      }
    }
  }
}
