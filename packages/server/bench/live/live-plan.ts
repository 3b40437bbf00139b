import { uuidV7, type SweepEvent } from '@gridsweep/core';
import { syntheticCity } from '../synthetic-city.js';

/**
 * What the live benchmark's processes agree on: the city (the same seeded
 * synthetic city the server loads), a probe grid that only probe events touch,
 * and the background events, which never touch it. A dashboard sees probe k
 * arrive when the probe grid's visited count reaches k.
 */
export const PROBE_GRID = 'city.1.1.1.1';
export const WATCHED_DISTRICT = 'city.1';

export const city = syntheticCity();

const inProbeGrid = (householdId: string) => householdId.startsWith(`${PROBE_GRID}.`);

export const probeHouseholds = city.households.filter((h) => !h.vacant && inProbeGrid(h.id)).map((h) => h.id);
const backgroundMembers = city.members.filter((m) => !inProbeGrid(m.householdId));

/** Milliseconds since the epoch with sub-millisecond precision, comparable across processes of one machine. */
export const epochMs = (): number => performance.timeOrigin + performance.now();

let seed = 11;
const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648);
let clock = Date.UTC(2022, 10, 14, 8);

export function backgroundEvent(): SweepEvent {
  clock += 1;
  const member = backgroundMembers[Math.floor(random() * backgroundMembers.length)]!;
  const base = { id: uuidV7(clock, random), deviceTime: clock, roundId: city.round.id, workerId: 'w1', householdId: member.householdId };
  return random() < 0.3
    ? { ...base, values: { outcome: random() < 0.8 ? 'visited' : 'no_answer' } }
    : { ...base, memberId: member.id, values: { test: random() < 0.8 ? 'tested' : 'not_tested' } };
}

export function probeEvent(k: number): SweepEvent {
  clock += 1;
  return { id: uuidV7(clock, random), deviceTime: clock, roundId: city.round.id, workerId: 'probe', householdId: probeHouseholds[k - 1]!, values: { outcome: 'visited' } };
}
