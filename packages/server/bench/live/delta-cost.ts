// What one wall's delta costs, without sockets: `node ... bench/live/delta-cost.ts [eventsPerSec]`.
// Feeds the live bench's background events into a counting engine at the given
// rate and, for each flush period, packs the delta the city-wide group would
// get, and times what every wall does with it: socket.io's JSON decode and
// the core view's apply (not the websocket and socket.io framing around them,
// so it is a floor). Prints one JSON line per period: bytes per delta, CPU
// microseconds per wall and delta, and the CPU seconds per second a thousand
// walls would need.
import { CountingEngine, LiveCountsView, type CountsDeltaV3 } from '@gridsweep/core';
import { backgroundEvent, city } from './live-plan.js';

const eventsPerSec = Number(process.argv[2] ?? 2000);

/** The city as the server loads it, with nothing recorded yet: each period starts from the same morning. */
function freshEngine(): CountingEngine {
  const engine = new CountingEngine();
  for (const area of city.areas) engine.addArea(area);
  for (const building of city.buildings) engine.addBuilding(building);
  for (const household of city.households) engine.addHousehold(household);
  for (const member of city.members) engine.addMember(member);
  engine.openRound(city.round);
  return engine;
}
const levels = ['city', 'district', 'street', 'community', 'grid'];
const scope = new Set(city.areas.filter((a) => levels.includes(a.level)).map((a) => a.id));

/** Every wall applies every delta; these stand for the walls, and the fastest of them is what one costs without the machine's load. */
const WALLS = 20;

for (const periodMs of [10, 25, 50, 100]) {
  const engine = freshEngine();
  const snapshot = { subscriptionId: 's', streamId: 'x', seq: 0, roundId: city.round.id, counts: engine.packCounts(city.round.id, scope), serverTime: 0 };
  const walls = Array.from({ length: WALLS }, () => {
    const view = new LiveCountsView();
    view.applySnapshot(snapshot);
    return view;
  });
  let seq = 0;
  let bytes = 0;
  let cpuNs = 0;
  const flushes = 40;
  for (let f = 0; f < flushes; f++) {
    engine.takeChangedAreas();
    for (let i = 0; i < (eventsPerSec * periodMs) / 1000; i++) engine.apply(backgroundEvent());
    const changed = (engine.takeChangedAreas().get(city.round.id) ?? []).filter((id) => scope.has(id));
    const delta: CountsDeltaV3 = { subscriptionId: 's', streamId: 'x', fromSeq: seq, seq: ++seq, counts: engine.packCounts(city.round.id, changed), serverTime: Date.now() };
    // socket.io's text packet: the event name and the delta as one JSON array.
    const text = `42${JSON.stringify(['counts.delta:v3', delta])}`;
    bytes += text.length;
    let best = Infinity;
    for (const wall of walls) {
      const started = process.hrtime.bigint();
      const [, received] = JSON.parse(text.slice(2)) as [string, CountsDeltaV3];
      if (wall.applyDelta(received) !== 'applied') throw new Error('a delta did not apply');
      best = Math.min(best, Number(process.hrtime.bigint() - started));
    }
    cpuNs += best;
  }
  const perWallUs = cpuNs / flushes / 1000;
  console.log(
    JSON.stringify({
      bench: 'live-delta-cost',
      eventsPerSec,
      periodMs,
      bytesPerDelta: Math.round(bytes / flushes),
      decodeUsPerWall: Math.round(perWallUs),
      thousandWallsCpuSecondsPerSec: Math.round(((perWallUs * 1000) / 1e6) * (1000 / periodMs) * 100) / 100,
    }),
  );
}
