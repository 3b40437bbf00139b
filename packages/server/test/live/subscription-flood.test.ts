import type { Area, SubscribeReplyV1 } from '@gridsweep/core';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/dialects.js';
import { smallTerritory } from '../support/small-territory.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { connect, once, type LiveTestSocket } from './live-client.js';

const WALL_TOKEN = 'wall-token-for-the-flood-0123';
/** Enough micro-grids that a city snapshot at micro-grid depth is a real message (the demo city has ~1 500). */
const EXTRA_MICROGRIDS = 4_000;
const FLOOD = 1_000;

/** The small city with thousands more micro-grids under its one grid. */
function wideTerritory() {
  const territory = smallTerritory();
  const extra: Area[] = Array.from({ length: EXTRA_MICROGRIDS }, (_, i) => ({ id: `wide-${i}`, parentId: 'g', level: 'microgrid', name: `微网格${i}` }));
  return { ...territory, areas: [...territory.areas, ...extra] };
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

/** Asks for /api/health over real HTTP every 10 ms until stopped; answers each round trip's duration. */
function pollHealth(port: number) {
  const durations: number[] = [];
  let running = true;
  const done = (async () => {
    while (running) {
      const started = performance.now();
      const response = await fetch(`http://127.0.0.1:${port}/api/health`);
      await response.arrayBuffer();
      durations.push(performance.now() - started);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  })();
  return {
    stop: async () => {
      running = false;
      await done;
      return durations;
    },
  };
}

function subscribe(socket: LiveTestSocket, areaId: string): Promise<SubscribeReplyV1 | 'no reply'> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve('no reply'), 5_000);
    socket.emit('counts.subscribe:v3', { roundId: 'r1', areaId, depth: 'microgrid' }, (reply) => {
      clearTimeout(timer);
      resolve(reply);
    });
  });
}

/** Frees groups left empty this long after their last socket went: short, so that the test sees memory return. */
const GROUP_GRACE_MS = 100;
/** What the heap may keep after the flood's groups are freed: caches of code and sockets, not the snapshots. */
const HEAP_MARGIN_BYTES = 8 * 1024 * 1024;

/** A full garbage collection, whether or not the process runs with --expose-gc: without one, heap figures measure the collector's mood. */
function collectGarbage(): void {
  if (global.gc) return global.gc();
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 50));
}

const megabytes = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

describe('a flood of subscriptions from one wall-token socket', () => {
  let server: TestServer;
  let port: number;

  beforeAll(async () => {
    server = await startTestServer(DIALECTS[0]!, { territory: wideTerritory(), access: { wallToken: WALL_TOKEN }, liveGroupGraceMs: GROUP_GRACE_MS });
    await server.app.listen({ port: 0, host: '127.0.0.1' });
    port = (server.app.server.address() as { port: number }).port;
  }, 120_000);
  afterAll(async () => {
    await server.close();
  });

  it('is refused past the limit, cut off when it keeps asking, neither slows health nor grows memory, and its memory returns once its groups are freed', async () => {
    // Warm up: one ordinary wall, so the first snapshot's one-off costs are not counted as the flood's.
    const wall = connect(port, WALL_TOKEN);
    await once(wall, 'connect');
    expect(await subscribe(wall, 'c')).toMatchObject({ ok: true });
    const groupsBefore = server.app.countsStream.groupCount;
    collectGarbage();
    const { rss: rssBefore, heapUsed: heapBefore } = process.memoryUsage();

    const attacker = connect(port, WALL_TOKEN);
    attacker.io.opts.reconnection = false;
    await once(attacker, 'connect');
    const health = pollHealth(port);
    const disconnected = once(attacker, 'disconnect');
    // Half ask for the whole city at micro-grid depth again and again, half for a different micro-grid each.
    const replies = await Promise.all(Array.from({ length: FLOOD }, (_, i) => subscribe(attacker, i % 2 === 0 ? 'c' : `wide-${i}`)));
    await disconnected;
    const durations = await health.stop();
    const rssDuring = process.memoryUsage().rss;

    const accepted = replies.filter((reply) => reply !== 'no reply' && reply.ok).length;
    const held = new Set(replies.map((reply) => (reply !== 'no reply' && reply.ok ? reply.subscriptionId : null)).filter(Boolean)).size;
    const refused = replies.flatMap((reply) => (reply !== 'no reply' && !reply.ok ? [reply] : []));
    const p95 = percentile(durations, 95);
    attacker.close();
    // Memory returns when the attacker's groups are freed, after the grace a resuming wall gets; the wall still holds its own.
    await until(() => server.app.countsStream.groupCount === groupsBefore);
    collectGarbage();
    const { rss: rssAfter, heapUsed: heapAfter } = process.memoryUsage();
    wall.close();
    console.log(
      JSON.stringify({
        test: 'subscription-flood',
        requests: FLOOD,
        accepted,
        distinctHeld: held,
        refused: refused.length,
        unanswered: FLOOD - accepted - refused.length,
        healthChecks: durations.length,
        healthP95Ms: Math.round(p95 * 10) / 10,
        rssGrowthMb: megabytes(rssDuring - rssBefore),
        rssAfterCloseGrowthMb: megabytes(rssAfter - rssBefore),
        heapAfterCloseGrowthMb: megabytes(heapAfter - heapBefore),
      }),
    );

    // Asking again for a subtree it holds is a resync, answered; what it may hold at once is capped.
    expect(held).toBeLessThanOrEqual(8);
    expect(accepted).toBeLessThan(FLOOD / 10);
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.every((reply) => reply.error.code === 'RATE_LIMITED')).toBe(true);
    expect(durations.length).toBeGreaterThan(0);
    expect(p95).toBeLessThanOrEqual(50);
    expect(rssDuring - rssBefore).toBeLessThanOrEqual(50 * 1024 * 1024);
    expect(rssAfter - rssBefore).toBeLessThanOrEqual(50 * 1024 * 1024);
    expect(heapAfter - heapBefore).toBeLessThanOrEqual(HEAP_MARGIN_BYTES);
  }, 120_000);

  it('lets a hundred walls on the same credential follow the same city, holding one subscription between them', async () => {
    const walls = Array.from({ length: 100 }, () => connect(port, WALL_TOKEN));
    await Promise.all(walls.map((wall) => once(wall, 'connect')));
    const replies = await Promise.all(walls.map((wall) => subscribe(wall, 'c')));
    expect(replies.every((reply) => reply !== 'no reply' && reply.ok)).toBe(true);
    const ids = new Set(replies.map((reply) => (reply !== 'no reply' && reply.ok ? reply.subscriptionId : '')));
    expect(ids.size).toBe(1);
    for (const wall of walls) wall.close();
  }, 60_000);
});
