import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CountingEngine, ELDERLY_VACCINATION_TEMPLATE, NUCLEIC_ACID_TEMPLATE, squash, uuidV7, type AreaCountsDiff, type Levels, type Round, type SweepEvent } from '../../src/index.js';
import { referenceCounts, type PlainRoster } from './reference-model.js';

const LEVELS: Levels = [
  { id: 'city', name: { zh: '市', en: 'City' } },
  { id: 'zone', name: { zh: '片区', en: 'Zone' } },
  { id: 'micro', name: { zh: '微网格', en: 'Micro-grid' } },
];
const STARTS_AT = Date.UTC(2022, 10, 14);
// Generous, so that a busy shared machine does not fail a property that holds.
const PROPERTY_TIMEOUT_MS = 60_000;
const TAGS = ['elderly_alone', 'disabled', 'infant'];
const nat = fc.nat({ max: 1000 });
const birthYear = fc.option(fc.integer({ min: 1930, max: 2010 }), { nil: null });
// Two rounds of different templates over the same roster, counted at once.
const ROUNDS: readonly Round[] = [
  { id: 'r', name: 'r', templateId: 'nucleic-acid', templateVersion: 1, rulesId: 'nucleic-acid-default', rulesVersion: 1, areaId: 'c', startsAt: STARTS_AT },
  { id: 'v', name: 'v', templateId: 'elderly-vaccination', templateVersion: 1, rulesId: 'elderly-vaccination-default', rulesVersion: 1, areaId: 'c', startsAt: STARTS_AT },
];
const TEMPLATES = { r: NUCLEIC_ACID_TEMPLATE, v: ELDERLY_VACCINATION_TEMPLATE };

const eventOp = fc.record({
  op: fc.constant('event' as const),
  household: nat,
  member: fc.option(nat, { nil: undefined }),
  round: fc.constantFrom('r' as const, 'v' as const),
  outcome: fc.constantFrom('visited', 'no_answer', 'vacant', 'refused', 'moved'),
  test: fc.option(fc.constantFrom('tested', 'not_tested', 'exempt', 'away'), { nil: undefined }),
  code: fc.option(fc.constantFrom('green', 'yellow', 'red', 'unknown'), { nil: undefined }),
  doses: fc.option(fc.constantFrom('none', 'one', 'two', 'three_plus', 'contraindicated', 'away'), { nil: undefined }),
  wish: fc.option(fc.constantFrom('wants', 'no'), { nil: undefined }),
  // 50 ms steps over 1.5 s: plenty of corrections and of ties within one 128 ms tick.
  time: fc.integer({ min: 0, max: 30 }),
});
const operation = fc.oneof(
  { weight: 8, arbitrary: eventOp },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('repeat' as const), which: nat }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('addHousehold' as const), building: nat, vacant: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('addMember' as const), household: nat, tags: fc.subarray(TAGS), birthYear }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('updateMember' as const), member: nat, tags: fc.subarray(TAGS), birthYear }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('removeMember' as const), member: nat }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('move' as const), building: nat, micro: nat }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('vacant' as const), household: nat, vacant: fc.boolean() }) },
);
const scenario = fc.record({
  zones: fc.integer({ min: 1, max: 3 }),
  microsPerZone: fc.integer({ min: 1, max: 3 }),
  buildings: fc.array(nat, { minLength: 1, maxLength: 4 }),
  households: fc.array(fc.record({ building: nat, vacant: fc.boolean() }), { minLength: 1, maxLength: 12 }),
  members: fc.array(fc.record({ household: nat, tags: fc.subarray(TAGS), birthYear }), { maxLength: 24 }),
  operations: fc.array(operation, { maxLength: 50 }),
  shuffleSeed: fc.integer({ min: 1, max: 2147483646 }),
});
type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never;

/** Runs a scenario, checking incremental == recount after every step; returns what a replay needs. */
function run(s: Scenario) {
  const engine = new CountingEngine({ levels: LEVELS });
  const roster: PlainRoster = { areas: [], buildings: new Map(), households: new Map(), members: new Map() };
  const addArea = (id: string, parentId: string | null, level: string) => {
    engine.addArea({ id, parentId, level, name: id });
    roster.areas.push({ id, parentId });
  };
  addArea('c', null, 'city');
  const micros: string[] = [];
  for (let z = 0; z < s.zones; z++) {
    addArea(`z${z}`, 'c', 'zone');
    for (let m = 0; m < s.microsPerZone; m++) addArea(`z${z}m${m}`, `z${z}`, 'micro');
    for (let m = 0; m < s.microsPerZone; m++) micros.push(`z${z}m${m}`);
  }
  s.buildings.forEach((pick, i) => {
    engine.addBuilding({ id: `b${i}`, areaId: micros[pick % micros.length]!, name: `b${i}`, units: 1, floors: 1 });
    roster.buildings.set(`b${i}`, micros[pick % micros.length]!);
  });
  const buildingIds = [...roster.buildings.keys()];
  const householdIds: string[] = [];
  const membersOf = new Map<string, string[]>();
  const addHousehold = (building: number, vacant: boolean) => {
    const id = `h${householdIds.length}`;
    const buildingId = buildingIds[building % buildingIds.length]!;
    engine.addHousehold({ id, buildingId, unit: 1, floor: 1, room: id, vacant });
    roster.households.set(id, { buildingId, vacant });
    householdIds.push(id);
    membersOf.set(id, []);
  };
  const addMember = (household: number, tags: string[], birthYear: number | null) => {
    const householdId = householdIds[household % householdIds.length]!;
    const id = `m${roster.members.size}`;
    engine.addMember({ id, householdId, name: id, tags, birthYear });
    roster.members.set(id, { householdId, tags, birthYear });
    membersOf.get(householdId)!.push(id);
  };
  const before = new Map<string, ReturnType<CountingEngine['counts']>>();
  for (const round of ROUNDS) engine.openRound(round);
  for (const round of ROUNDS) for (const area of roster.areas) before.set(`${round.id}/${area.id}`, engine.counts(round.id, area.id));
  s.households.forEach((h) => addHousehold(h.building, h.vacant));
  s.members.forEach((m) => addMember(m.household, m.tags, m.birthYear));

  const events: SweepEvent[] = [];
  let diff: AreaCountsDiff = engine.takeChanges();
  let random = 7;
  for (const op of s.operations) {
    if (op.op === 'event') {
      const householdId = householdIds[op.household % householdIds.length]!;
      const members = membersOf.get(householdId)!;
      const deviceTime = STARTS_AT + 3600_000 + op.time * 50;
      const id = uuidV7(deviceTime, () => ((random = (random * 48271) % 2147483647) / 2147483647));
      const base = { id, deviceTime, roundId: op.round, workerId: 'w', householdId };
      const memberValues =
        op.round === 'r'
          ? { ...(op.test ? { test: op.test } : {}), ...(op.code ? { code: op.code } : {}) }
          : { ...(op.doses ? { doses: op.doses } : {}), ...(op.wish ? { home_vaccination: op.wish } : {}), ...(op.doses === 'contraindicated' ? { contraindication_reason: '过敏' } : {}) };
      const event: SweepEvent =
        op.member !== undefined && members.length > 0 && Object.keys(memberValues).length > 0
          ? { ...base, memberId: members[op.member % members.length]!, values: memberValues }
          : { ...base, values: { outcome: op.outcome } };
      expect(engine.apply(event).ok).toBe(true);
      events.push(event);
    } else if (op.op === 'repeat') {
      if (events.length === 0) continue;
      const event = events[op.which % events.length]!;
      expect(engine.apply(event)).toEqual({ ok: true, changed: false });
      events.push(event);
    } else if (op.op === 'addHousehold') addHousehold(op.building, op.vacant);
    else if (op.op === 'addMember') addMember(op.household, op.tags, op.birthYear);
    else if (op.op === 'updateMember' || op.op === 'removeMember') {
      if (roster.members.size === 0) continue;
      const id = [...roster.members.keys()][op.member % roster.members.size]!;
      const member = roster.members.get(id)!;
      if (op.op === 'removeMember') {
        engine.removeMember(id);
        member.departed = true;
      } else {
        engine.updateMember(id, { tags: op.tags, birthYear: op.birthYear });
        if (!member.departed) Object.assign(member, { tags: op.tags, birthYear: op.birthYear });
      }
    } else if (op.op === 'move') {
      const buildingId = buildingIds[op.building % buildingIds.length]!;
      engine.moveBuilding(buildingId, micros[op.micro % micros.length]!);
      roster.buildings.set(buildingId, micros[op.micro % micros.length]!);
    } else {
      const householdId = householdIds[op.household % householdIds.length]!;
      engine.setHouseholdVacant(householdId, op.vacant);
      roster.households.get(householdId)!.vacant = op.vacant;
    }
    for (const round of ROUNDS) expect(engine.recount(round.id).areasChanged).toBe(0);
    diff = squash(diff, engine.takeChanges());
  }
  return { engine, roster, events, before, diff, membersOf };
}

/** Fisher–Yates with a seeded generator, so a failing order is reproducible from the seed. */
function shuffle<T>(items: readonly T[], seed: number): T[] {
  const result = [...items];
  let state = seed;
  for (let i = result.length - 1; i > 0; i--) {
    state = (state * 48271) % 2147483647;
    const j = state % (i + 1);
    [result[i], result[j]] = [result[j]!, result[i]!];
  }
  return result;
}

function replay(roster: PlainRoster, events: readonly SweepEvent[]): CountingEngine {
  const engine = new CountingEngine({ levels: LEVELS });
  roster.areas.forEach((a, i) => engine.addArea({ id: a.id, parentId: a.parentId, level: LEVELS[i === 0 ? 0 : a.id.includes('m') ? 2 : 1]!.id, name: a.id }));
  for (const [id, areaId] of roster.buildings) engine.addBuilding({ id, areaId, name: id, units: 1, floors: 1 });
  for (const [id, h] of roster.households) engine.addHousehold({ id, buildingId: h.buildingId, unit: 1, floor: 1, room: id, vacant: h.vacant });
  for (const [id, m] of roster.members) {
    engine.addMember({ id, householdId: m.householdId, name: id, tags: m.tags, birthYear: m.birthYear ?? null });
    if (m.departed) engine.removeMember(id);
  }
  for (const round of ROUNDS) engine.openRound(round);
  for (const event of events) engine.apply(event);
  return engine;
}

describe('CountingEngine convergence (property)', () => {
  it('keeps incremental counts equal to a recount after every step, and equal to a from-scratch reference model, for two templates at once', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const { engine, roster, events } = run(s);
        for (const round of ROUNDS) {
          const expected = referenceCounts(roster, events.filter((e) => e.roundId === round.id), STARTS_AT, TEMPLATES[round.id as 'r' | 'v']);
          for (const [areaId, counts] of expected) expect(engine.counts(round.id, areaId)).toEqual(counts);
        }
      }),
      { numRuns: 150 },
    );
  }, PROPERTY_TIMEOUT_MS);

  it('reaches identical state and counts for every order of the same events, duplicates included', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const { engine, roster, events } = run(s);
        const shuffled = shuffle(events, s.shuffleSeed);
        const other = replay(roster, shuffled);
        for (const { id: round } of ROUNDS) {
          for (const id of roster.households.keys()) expect(other.householdValues(round, id)).toEqual(engine.householdValues(round, id));
          for (const id of roster.members.keys()) expect(other.memberValues(round, id)).toEqual(engine.memberValues(round, id));
          for (const area of roster.areas) expect(other.counts(round, area.id)).toEqual(engine.counts(round, area.id));
        }
      }),
      { numRuns: 150 },
    );
  }, PROPERTY_TIMEOUT_MS);

  it('squashes the changes of every step into one diff from the start to the end', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const { engine, roster, before, diff } = run(s);
        for (const { id: round } of ROUNDS) {
          for (const area of roster.areas) {
            const change = diff[round]?.[area.id];
            const now = engine.counts(round, area.id);
            if (change) expect([change.from, change.to]).toEqual([before.get(`${round}/${area.id}`), now]);
            else expect(now).toEqual(before.get(`${round}/${area.id}`));
          }
        }
      }),
      { numRuns: 100 },
    );
  }, PROPERTY_TIMEOUT_MS);
});
