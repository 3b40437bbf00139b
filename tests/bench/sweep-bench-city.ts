import { uuidV7, type Building, type Household, type Member, type SweepEvent } from '@gridsweep/core';
import type { RunningServer } from '../support/gridsweep-server.js';
import { seedRound } from '../browser/territory-fixture.js';

export const ROUND = 'r-bench';
export const WORKER = { username: 'bench-worker', password: 'bench-worker-password' } as const;
export const TOWER = 'tower';
export const TOWER_FLOORS = 30;
export const TOWER_UNITS = 2;
export const ROOMS_PER_FLOOR = 5;

/**
 * The worker's micro-grid mg-1 holds one 30-floor tower of 300 households (2
 * units, 5 rooms a floor, one member each); mg-2 holds a building the
 * background traffic knocks on, outside the worker's scope.
 */
function benchRoster(): { buildings: Building[]; households: Household[]; members: Member[] } {
  const buildings: Building[] = [
    { id: TOWER, areaId: 'mg-1', name: '高层1号楼', units: TOWER_UNITS, floors: TOWER_FLOORS },
    { id: 'busy', areaId: 'mg-2', name: '邻楼', units: 1, floors: 10 },
  ];
  const households: Household[] = [];
  for (let unit = 1; unit <= TOWER_UNITS; unit++) {
    for (let floor = 1; floor <= TOWER_FLOORS; floor++) {
      for (let room = 1; room <= ROOMS_PER_FLOOR; room++) {
        households.push({ id: `${TOWER}-${unit}-${floor}-${room}`, buildingId: TOWER, unit, floor, room: `${floor}0${room}`, vacant: false });
      }
    }
  }
  for (let floor = 1; floor <= 10; floor++) households.push({ id: `busy-${floor}`, buildingId: 'busy', unit: 1, floor, room: `${floor}01`, vacant: false });
  const members = households.filter((h) => h.buildingId === TOWER).map((h) => ({ id: `${h.id}-m`, householdId: h.id, name: '陈志强', phone: null, birthYear: 1970, tags: [] }));
  return { buildings, households, members };
}

export const TOWER_HOUSEHOLDS = benchRoster().households.filter((h) => h.buildingId === TOWER);
export const BUSY_HOUSEHOLDS = benchRoster().households.filter((h) => h.buildingId === 'busy');

export async function seedBench(server: RunningServer): Promise<void> {
  const roster = benchRoster();
  await seedRound(server, roster, { id: ROUND, startsAt: Date.now() - 3_600_000 });
  for (const member of roster.members) await server.postJson('/api/v1/members', member);
  await server.postJson('/api/v1/users', { ...WORKER, displayName: '压测网格员', role: 'worker', scope: { kind: 'areas', areaIds: ['mg-1'] } });
}

/** `count` events for the tower as a phone would queue them: a household's outcome, then its member's test. */
export function towerEvents(count: number, workerId: string, startMs: number): SweepEvent[] {
  const events: SweepEvent[] = [];
  for (let i = 0; i < count; i++) {
    const household = TOWER_HOUSEHOLDS[Math.floor(i / 2) % TOWER_HOUSEHOLDS.length]!;
    const at = startMs + i;
    events.push(
      i % 2 === 0
        ? { id: uuidV7(at), deviceTime: at, roundId: ROUND, workerId, householdId: household.id, values: { outcome: i % 4 === 0 ? 'visited' : 'no_answer' } }
        : { id: uuidV7(at), deviceTime: at, roundId: ROUND, workerId, householdId: household.id, memberId: `${household.id}-m`, values: { test: 'tested', code: 'green' } },
    );
  }
  return events;
}

/**
 * Other workers' traffic: `perSecond` events a second posted by the
 * administrator to mg-2's building, in batches every 50 ms, until stopped;
 * answers how many it sent and over how long.
 */
export function backgroundTraffic(server: RunningServer, perSecond: number): { stop: () => Promise<{ events: number; seconds: number }> } {
  const perBatch = Math.max(1, Math.round(perSecond / 20));
  const started = Date.now();
  let sent = 0;
  let running = true;
  const inFlight = new Set<Promise<unknown>>();
  const loop = (async () => {
    let next = Date.now();
    while (running) {
      const at = Date.now();
      const events = Array.from({ length: perBatch }, (_, i) => ({
        id: uuidV7(at),
        deviceTime: at,
        roundId: ROUND,
        workerId: 'bench-neighbour',
        householdId: BUSY_HOUSEHOLDS[(sent + i) % BUSY_HOUSEHOLDS.length]!.id,
        values: { outcome: (sent + i) % 2 === 0 ? 'visited' : 'no_answer' },
      }));
      sent += events.length;
      // Phones do not wait for each other: batches overlap, a few at a time.
      const post = server.postJson('/api/v1/events', { events }).finally(() => inFlight.delete(post));
      inFlight.add(post);
      if (inFlight.size >= 8) await Promise.race(inFlight);
      next += 50;
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, next - Date.now())));
    }
    await Promise.all(inFlight);
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      return { events: sent, seconds: (Date.now() - started) / 1000 };
    },
  };
}
