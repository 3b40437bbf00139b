import { CountingEngine, type Round, type SweepEvent } from '../src/index.js';
import type { EventStream } from './event-stream.js';
import type { SyntheticCity } from './synthetic-city.js';

const OUTCOMES = ['visited', 'no_answer', 'vacant', 'refused'];
const STATUSES = ['tested', 'not_tested', 'exempt', 'away'];
const CODES = ['green', 'yellow', 'red', 'unknown'];

/**
 * The server's path: `apply(SweepEvent)` with string ids, on a city loaded with
 * ids. Events are made as objects before the timing, as a server receives them.
 */
export function measureStringEdge(city: SyntheticCity, stream: EventStream, round: Round): { events: number; eventsPerSec: number } {
  const householdIds = Array.from({ length: city.households }, (_, h) => `h${h}`);
  const memberIds: string[] = [];
  city.bulk.householdMemberCounts.forEach((count, h) => {
    for (let k = 0; k < count; k++) memberIds.push(`h${h}-${k}`);
  });
  const engine = new CountingEngine();
  engine.loadBulk({ ...city.bulk, householdIds, memberIds });
  engine.openRound(round);
  const events: SweepEvent[] = [];
  for (let i = 0; i < stream.length; i++) {
    const h = stream.household[i]!;
    const m = stream.member[i]!;
    const codes = stream.codes[i]!;
    const base = { id: `event-${stream.idOrder[i]}`, deviceTime: stream.deviceTime[i]!, roundId: round.id, workerId: 'w1', householdId: householdIds[h]! };
    const values: Record<string, string> = {};
    if (m < 0) values['outcome'] = OUTCOMES[(codes & 15) - 1]!;
    else {
      if (codes & 15) values['test'] = STATUSES[(codes & 15) - 1]!;
      if (codes >>> 4) values['code'] = CODES[(codes >>> 4) - 1]!;
    }
    events.push(m < 0 ? { ...base, values } : { ...base, memberId: `h${h}-${m}`, values });
  }
  const started = performance.now();
  let refused = 0;
  for (const event of events) if (!engine.apply(event).ok) refused++;
  const ms = performance.now() - started;
  if (refused > 0) throw new Error(`${refused} events were refused`);
  return { events: events.length, eventsPerSec: Math.round(events.length / (ms / 1000)) };
}
