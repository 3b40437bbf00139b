import {
  LiveCountsClient,
  type AreaCounts,
  type ClientToServerEvents,
  type ServerToClientEvents,
} from '@gridsweep/core';
import { io, type Socket } from 'socket.io-client';
import type { TestServer } from '../support/test-server.js';

export type LiveTestSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** A real socket.io client, reconnecting quickly so tests of cuts stay short. */
export function connect(port: number, token: string): LiveTestSocket {
  return io(`http://127.0.0.1:${port}`, {
    transports: ['websocket'],
    auth: { token },
    reconnectionDelay: 50,
    reconnectionDelayMax: 200,
  });
}

/** A LiveCountsClient following the whole small city down to micro-grids, counting what it received. */
export function followCity(socket: LiveTestSocket) {
  const received = { snapshots: 0, updates: 0 };
  const client = new LiveCountsClient(socket, {
    subscription: { roundId: 'r1', areaId: 'c', depth: 'microgrid' },
    onUpdate: (changed) => {
      if (changed === 'all') received.snapshots++;
      else received.updates++;
    },
  });
  client.start();
  return { client, received };
}

export const CITY_AREAS = ['c', 'd', 's', 'cm', 'g', 'mg1', 'mg2'];

/** The application and how to sign in to it: a TestServer. */
type SignedInApp = Pick<TestServer, 'app' | 'auth'>;

export async function serverCounts({ app, auth }: SignedInApp): Promise<Record<string, AreaCounts>> {
  const entries = await Promise.all(
    CITY_AREAS.map(async (areaId) => {
      const response = await app.inject({ method: 'GET', url: `/api/v1/rounds/r1/areas/${areaId}/counts`, headers: auth });
      return [areaId, response.json<{ counts: AreaCounts }>().counts] as const;
    }),
  );
  return Object.fromEntries(entries);
}

export function viewCounts(client: LiveCountsClient): Record<string, AreaCounts | undefined> {
  return Object.fromEntries(CITY_AREAS.map((areaId) => [areaId, client.view.counts(areaId)]));
}

/** Waits until the client shows exactly the server's counts; fails with both when it does not within `limitMs`. */
export async function untilClientMatchesServer(client: LiveCountsClient, server: SignedInApp, limitMs = 5000): Promise<void> {
  const deadline = Date.now() + limitMs;
  let expected = await serverCounts(server);
  while (JSON.stringify(viewCounts(client)) !== JSON.stringify(expected)) {
    if (Date.now() > deadline) {
      throw new Error(`client never matched the server:\n${JSON.stringify(viewCounts(client))}\n${JSON.stringify(expected)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
    expected = await serverCounts(server);
  }
}

export function once(socket: LiveTestSocket, event: 'connect' | 'disconnect'): Promise<void> {
  return new Promise((resolve) => socket.once(event, () => resolve()));
}
