import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { Area, SubscribeReplyV1 } from '@gridsweep/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/dialects.js';
import { smallTerritory, type SmallTerritory } from '../support/small-territory.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { connect, type LiveTestSocket } from './live-client.js';

// An accelerated soak: a wall's view opened and closed 10 000 times, each time a different one.
const VIEWS = 10_000;
const GRIDS = 100;
const SOCKETS = 8;
const GRACE_MS = 200;

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

/** The small city with a hundred grids of a hundred micro-grids each beside it: ten thousand views to follow. */
function wideTerritory(): SmallTerritory {
  const territory = smallTerritory();
  const areas: Area[] = [...territory.areas];
  for (let g = 0; g < GRIDS; g++) {
    areas.push({ id: `wg${g}`, parentId: 'cm', level: 'grid', name: `网格${g}` });
    for (let m = 0; m < VIEWS / GRIDS; m++) areas.push({ id: `wg${g}-m${m}`, parentId: `wg${g}`, level: 'microgrid', name: `微网格${g}-${m}` });
  }
  return { ...territory, areas };
}

function heapMb(): number {
  for (let i = 0; i < 3; i++) collectGarbage();
  return process.memoryUsage().heapUsed / 2 ** 20;
}

async function until(condition: () => boolean, limitMs: number): Promise<void> {
  const deadline = Date.now() + limitMs;
  while (!condition() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
}

describe('the live stream over days of walls coming and going', () => {
  let server: TestServer;
  let port: number;
  let sockets: LiveTestSocket[];

  beforeAll(async () => {
    server = await startTestServer(DIALECTS[0]!, { territory: wideTerritory(), liveGroupGraceMs: GRACE_MS });
    await server.app.listen({ port: 0, host: '127.0.0.1' });
    port = (server.app.server.address() as { port: number }).port;
    sockets = Array.from({ length: SOCKETS }, () => connect(port, server.adminToken));
  });
  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    await server.close();
  });

  const subscribe = (socket: LiveTestSocket, view: number) =>
    new Promise<string>((resolve, reject) => {
      const areaId = `wg${view % GRIDS}-m${Math.floor(view / GRIDS) % (VIEWS / GRIDS)}`;
      socket.emit('counts.subscribe:v3', { roundId: 'r1', areaId, depth: 'microgrid' }, (reply: SubscribeReplyV1) =>
        reply.ok ? resolve(reply.subscriptionId) : reject(new Error(`${areaId}: ${reply.error.message}`)),
      );
    });

  /** Opens `count` views from `first` on, a socket's worth at a time; closes each wave by unsubscribing, every tenth by hanging up. */
  async function openAndClose(first: number, count: number): Promise<number> {
    let mostGroups = 0;
    for (let wave = 0; wave * SOCKETS < count; wave++) {
      const opened = await Promise.all(sockets.map((socket, i) => subscribe(socket, first + wave * SOCKETS + i)));
      mostGroups = Math.max(mostGroups, server.app.countsStream.groupCount);
      if (wave % 10 === 9) {
        for (const socket of sockets) socket.disconnect();
        sockets = sockets.map(() => connect(port, server.adminToken));
        await Promise.all(sockets.map((socket) => new Promise((resolve) => socket.once('connect', () => resolve(undefined)))));
      } else {
        sockets.forEach((socket, i) => socket.emit('counts.unsubscribe:v1', opened[i]!));
      }
    }
    return mostGroups;
  }

  it('ten thousand views opened and closed leave the stream with the groups and the heap it started with', { timeout: 240_000 }, async () => {
    await Promise.all(sockets.map((socket) => new Promise((resolve) => socket.once('connect', () => resolve(undefined)))));
    // A first round warms what a long-running server keeps anyway: compiled code, socket.io's buffers.
    await openAndClose(0, 400);
    await until(() => server.app.countsStream.groupCount === 0, 15_000);
    const groupsBefore = server.app.countsStream.groupCount;
    const heapBefore = heapMb();

    const mostGroups = await openAndClose(0, VIEWS);
    expect(mostGroups).toBeGreaterThan(0);
    // Empty groups are freed at the stream's next tick after their grace: the heartbeat ticks every few seconds.
    await until(() => server.app.countsStream.groupCount === groupsBefore, 15_000);
    const heapAfter = heapMb();

    expect(server.app.countsStream.groupCount).toBe(groupsBefore);
    expect(heapAfter - heapBefore).toBeLessThan(3);
  });
});
