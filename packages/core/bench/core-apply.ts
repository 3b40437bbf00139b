// pnpm bench:core — the counting engine against a plain object model on the
// same synthetic city and event stream, in one process. Prints JSON lines.
import os from 'node:os';
import { CountingEngine, type Round } from '../src/index.js';
import { BaselineModel } from './baseline-model.js';
import { eventStream } from './event-stream.js';
import { measureStringEdge } from './string-edge.js';
import { syntheticCity } from './synthetic-city.js';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc (pnpm bench:core does)');
const collect = gc;
const HOUSEHOLDS = Number(process.env['BENCH_HOUSEHOLDS'] ?? 3_000_000);
const ROUND: Round = { id: 'r1', name: '11-14 全员核酸', templateId: 'nucleic-acid', templateVersion: 1, rulesId: 'nucleic-acid-default', rulesVersion: 1, areaId: 'a0', startsAt: Date.UTC(2022, 10, 14) };

function heapUsed(): number {
  collect();
  collect();
  return process.memoryUsage().heapUsed;
}
const print = (line: object) => console.log(JSON.stringify(line));

const city = syntheticCity(HOUSEHOLDS);
const stream = eventStream(city, ROUND.startsAt);
print({ bench: 'core-setup', households: city.households, members: city.members, areas: city.bulk.areas.length, buildings: city.bulk.buildingAreas.length, events: stream.length });

const engineHeapBefore = heapUsed();
const engine = new CountingEngine();
engine.loadBulk(city.bulk);
engine.openRound(ROUND);
const round = engine.roundIndex(ROUND.id)!;
let started = performance.now();
for (let i = 0; i < stream.length; i++) {
  engine.applyDense(round, stream.household[i]!, stream.member[i]!, stream.deviceTime[i]!, stream.codes[i]!);
}
const engineMs = performance.now() - started;
engine.takeChanges();
const engineHeap = Math.max(0, heapUsed() - engineHeapBefore);

// A server takes the changes every few hundred milliseconds to broadcast them: the same
// work again on a fresh engine, taking changes every TAKE_EVERY events inside the timing.
const TAKE_EVERY = 100_000;
let changedAreas = 0;
const broadcasting = new CountingEngine();
broadcasting.loadBulk(city.bulk);
broadcasting.openRound(ROUND);
started = performance.now();
for (let i = 0; i < stream.length; i++) {
  broadcasting.applyDense(round, stream.household[i]!, stream.member[i]!, stream.deviceTime[i]!, stream.codes[i]!);
  if (i % TAKE_EVERY === TAKE_EVERY - 1) changedAreas += (broadcasting.takeChangedAreas().get(ROUND.id)?.length ?? 0);
}
changedAreas += (broadcasting.takeChangedAreas().get(ROUND.id)?.length ?? 0);
const broadcastingMs = performance.now() - started;
const memory = engine.memory();
const recountTimes: number[] = [];
let recountMismatches = 0;
for (let i = 0; i < 5; i++) {
  started = performance.now();
  recountMismatches += engine.recount(ROUND.id).areasChanged;
  recountTimes.push(performance.now() - started);
}
recountTimes.sort((a, b) => a - b);

const baselineHeapBefore = heapUsed();
const baseline = new BaselineModel(city);
started = performance.now();
for (let i = 0; i < stream.length; i++) {
  baseline.apply(stream.household[i]!, stream.member[i]!, stream.deviceTime[i]!, stream.codes[i]!, stream.idOrder[i]!);
}
const baselineMs = performance.now() - started;
const baselineHeap = heapUsed() - baselineHeapBefore;

const cityCounts = engine.counts(ROUND.id, 'a0');
const b = baseline.areas[0]!.counts;
const agree =
  cityCounts.households.visited === b.visited &&
  cityCounts.households.vacant === b.vacant &&
  cityCounts.households.refused === b.refused &&
  cityCounts.members.done === b.tested &&
  cityCounts.markers['red'] === b.red &&
  Object.entries(cityCounts.specialGroups).every(([tag, g]) => g.notVisited === b.groups[tag]!.notVisited && g.notDone === b.groups[tag]!.notTested);

const bytesPerHousehold = (memory.typedArrayBytes + engineHeap) / city.households;
const baselineBytesPerHousehold = baselineHeap / city.households;
const eventsPerSec = Math.round(stream.length / (engineMs / 1000));
const baselineEventsPerSec = Math.round(stream.length / (baselineMs / 1000));
const round1 = (x: number) => Math.round(x * 10) / 10;
print({
  bench: 'core-apply',
  households: city.households,
  eventsPerSec,
  bytesPerHousehold: round1(bytesPerHousehold),
  recountMs: round1(recountTimes[2]!),
  baselineEventsPerSec,
  baselineBytesPerHousehold: round1(baselineBytesPerHousehold),
});
print({
  bench: 'core-apply-detail',
  events: stream.length,
  engineApplyMs: Math.round(engineMs),
  baselineApplyMs: Math.round(baselineMs),
  speedup: round1(eventsPerSec / baselineEventsPerSec),
  eventsPerSecTakingChanges: Math.round(stream.length / (broadcastingMs / 1000)),
  bytesRatio: Math.round((bytesPerHousehold / baselineBytesPerHousehold) * 1000) / 1000,
  typedArrayBytes: memory.typedArrayBytes,
  territoryBytes: memory.territoryBytes,
  roundBytes: memory.roundBytes,
  engineHeapBytes: engineHeap,
  markerTickEntries: memory.markerTickEntries,
  taggedMembers: memory.taggedMembers,
  recountMsMinMedianMax: [round1(recountTimes[0]!), round1(recountTimes[2]!), round1(recountTimes[4]!)],
  recountMismatchedAreas: recountMismatches,
  takeChangesEvery: TAKE_EVERY,
  changedAreasTaken: changedAreas,
  cityCountsAgreeWithBaseline: agree,
  loadAverage: os.loadavg().map(round1),
});

// The server applies SweepEvent objects with string ids: a 300 000-household city
// loaded with ids, its own event stream, through apply().
const STRING_HOUSEHOLDS = Math.min(300_000, HOUSEHOLDS);
const smallCity = syntheticCity(STRING_HOUSEHOLDS);
const stringEdge = measureStringEdge(smallCity, eventStream(smallCity, ROUND.startsAt), ROUND);
print({ bench: 'core-apply-strings', households: STRING_HOUSEHOLDS, events: stringEdge.events, eventsPerSec: stringEdge.eventsPerSec });
