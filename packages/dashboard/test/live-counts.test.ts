import { createServer, type Server as HttpServer } from 'node:http';
import { packCounts, type AreaCounts, type ClientToServerEvents, type ServerToClientEvents } from '@gridsweep/core';
import { Server, type Socket } from 'socket.io';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { connectLive, LiveCounts, type ChangedAreas, type LiveSocket } from '../src/lib/live/live-counts.svelte.js';
import { areaCounts } from './area-counts.js';

const visited = (count: number): AreaCounts => areaCounts({ households: { total: 10, toVisit: 10, visited: count } });

// A real socket.io server speaking the counts protocol v3: it answers a subscription with a
// snapshot of three micro-grids, and the test sends deltas through `server`.
describe('LiveCounts', () => {
  let http: HttpServer;
  let io: Server<ClientToServerEvents, ServerToClientEvents>;
  let server: Socket<ClientToServerEvents, ServerToClientEvents> | null;
  let socket: LiveSocket;
  let live: LiveCounts;
  let refreshes: ChangedAreas[];
  let seq: number;

  function delta(changes: Record<string, AreaCounts>): void {
    const fromSeq = seq++;
    server!.emit('counts.delta:v3', { subscriptionId: 'sub-1', streamId: 'stream-1', fromSeq, seq, counts: packCounts(Object.entries(changes)), serverTime: 0 });
  }

  beforeEach(async () => {
    refreshes = [];
    seq = 1;
    server = null;
    http = createServer();
    io = new Server(http);
    io.on('connection', (connected) => {
      server = connected;
      connected.on('counts.subscribe:v3', (_request, reply) => {
        reply({ ok: true, subscriptionId: 'sub-1' });
        const counts = packCounts([['mg-1', visited(0)], ['mg-2', visited(0)], ['mg-3', visited(0)]]);
        connected.emit('counts.snapshot:v3', { subscriptionId: 'sub-1', streamId: 'stream-1', seq: 1, roundId: 'r-1', counts, serverTime: 0 });
      });
    });
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    const address = http.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    socket = connectLive(`http://127.0.0.1:${port}`, { token: 't', reject: () => {} });
    live = new LiveCounts(socket);
    live.onRefresh((changed) => refreshes.push(changed));
    socket.connect();
  });

  afterEach(async () => {
    live.stop();
    socket.disconnect();
    await io.close();
  });

  it('tells its listeners every area after the snapshot, then only the areas the deltas named, a burst of deltas in one refresh', async () => {
    live.follow({ roundId: 'r-1', areaId: 'grid-1', depth: 'microgrid' });
    // Following starts over at once; the snapshot, when it comes, names every area too.
    expect(refreshes).toEqual(['all']);
    await vi.waitFor(() => expect(refreshes).toEqual(['all', 'all']));
    delta({ 'mg-1': visited(4) });
    delta({ 'mg-3': visited(7) });
    await vi.waitFor(() => expect(refreshes).toHaveLength(3));
    expect([...(refreshes[2] as ReadonlySet<string>)].sort()).toEqual(['mg-1', 'mg-3']);
    expect(live.counts('mg-3')?.households.visited).toBe(7);
    expect(live.counts('mg-2')?.households.visited).toBe(0);
  });

  it('starts over with every area when it follows another subtree', async () => {
    live.follow({ roundId: 'r-1', areaId: 'grid-1', depth: 'microgrid' });
    await vi.waitFor(() => expect(refreshes).toEqual(['all', 'all']));
    delta({ 'mg-1': visited(4) });
    live.follow({ roundId: 'r-1', areaId: 'grid-2', depth: 'microgrid' });
    expect(refreshes.at(-1)).toBe('all');
    expect(live.counts('mg-1')).toBeUndefined();
  });
});
