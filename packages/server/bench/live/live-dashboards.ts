// One process of dashboards: `node ... live-dashboards.ts <url> <count> <seconds>`.
// Each follows a subtree over its own socket.io connection with the wall
// credential, as a wall display would, and notes when each probe shows up,
// and the server time of the delta that brought it (to tell the wait for a
// tick from the delivery). Prints one JSON line at the end.
import { LiveCountsClient, type ClientToServerEvents, type ServerToClientEvents } from '@gridsweep/core';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { io, type Socket } from 'socket.io-client';
import { BENCH_WALL_TOKEN } from '../bench-access.js';
import { epochMs, PROBE_GRID, WATCHED_DISTRICT } from './live-plan.js';

const [url = '', countText = '1', secondsText = '10'] = process.argv.slice(2);
const count = Number(countText);
const sockets: Socket<ServerToClientEvents, ClientToServerEvents>[] = [];
const arrivals: number[][] = [];
const sentAt: number[][] = [];
let messages = 0;
let ready = 0;

for (let i = 0; i < count; i++) {
  const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(url, { transports: ['websocket'], auth: { token: BENCH_WALL_TOKEN } });
  sockets.push(socket);
  // A refused credential would otherwise only show as dashboards never ready.
  socket.once('connect_error', (error) => console.error(`dashboard ${i}: ${error.message}`));
  const seen: number[] = [];
  arrivals.push(seen);
  const sent: number[] = [];
  sentAt.push(sent);
  // Half watch the whole city down to grids, half one district down to micro-grids.
  const subscription = i % 2 === 0 ? { roundId: 'bench', areaId: 'city', depth: 'grid' } : { roundId: 'bench', areaId: WATCHED_DISTRICT, depth: 'microgrid' };
  const client: LiveCountsClient = new LiveCountsClient(socket, {
    subscription,
    onUpdate: (changed) => {
      if (changed === 'all') {
        ready++;
        return;
      }
      messages++;
      if (!changed.includes(PROBE_GRID)) return;
      // Probes landing in one tick arrive together.
      const probes = client.view.counts(PROBE_GRID)!.households.visited;
      const now = epochMs();
      for (let k = 1; k <= probes; k++) {
        if (seen[k] !== undefined) continue;
        seen[k] = now;
        sent[k] = client.lastServerTime;
      }
    },
  });
  client.start();
}

const started = Date.now();
while (ready < count && Date.now() - started < 60_000) await new Promise((resolve) => setTimeout(resolve, 50));
console.log(JSON.stringify({ ready }));
// How busy this process of dashboards was while measuring: a dashboard's latency includes its wait behind its neighbours here.
const loop = monitorEventLoopDelay({ resolution: 5 });
loop.enable();
const cpuStart = process.cpuUsage();
await new Promise((resolve) => setTimeout(resolve, Number(secondsText) * 1000));
for (const socket of sockets) socket.disconnect();
// Exit only once the (large) line is through the pipe: process.exit would cut it short.
const cpu = process.cpuUsage(cpuStart);
const load = { cpuS: Math.round((cpu.user + cpu.system) / 1e4) / 100, loopDelayP99Ms: Math.round(loop.percentile(99) / 1e5) / 10, loopDelayMaxMs: Math.round(loop.max / 1e5) / 10 };
process.stdout.write(`${JSON.stringify({ messages, arrivals, sentAt, load })}\n`, () => process.exit(0));
