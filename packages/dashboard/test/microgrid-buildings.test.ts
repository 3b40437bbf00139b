import { createServer, type Server } from 'node:http';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiClient } from '../src/lib/api/api-client.js';
import type { BuildingCounts } from '../src/lib/api/types.js';
import { BUILDINGS_REFRESH_MS, MicrogridBuildings } from '../src/lib/live/microgrid-buildings.svelte.js';

function building(visited: number): BuildingCounts {
  return {
    id: 'b-1',
    name: '1号楼',
    units: 1,
    floors: 2,
    location: { type: 'Point', coordinates: [119.3, 26.1] },
    households: { total: 4, toVisit: 4, visited, noAnswer: 0, refused: 0, vacant: 0 },
  };
}

// A real HTTP server standing in for gridsweep's buildings route: it counts the requests and answers
// with one building whose visited count is the number of requests so far.
describe('MicrogridBuildings', () => {
  let server: Server;
  let requests: string[];
  let buildings: MicrogridBuildings;

  beforeEach(async () => {
    requests = [];
    server = createServer((request, response) => {
      requests.push(request.url ?? '');
      response.setHeader('content-type', 'application/json');
      response.end(JSON.stringify([building(requests.length)]));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    buildings = new MicrogridBuildings(new ApiClient(`http://127.0.0.1:${port}`));
  });

  afterEach(async () => {
    buildings.stop();
    await new Promise((resolve) => server.close(resolve));
  });

  it("asks for the micro-grid's buildings in the round as soon as it is shown", async () => {
    buildings.show({ roundId: 'r 1', microgridId: 'mg-1' });
    await vi.waitFor(() => expect(buildings.list).toHaveLength(1));
    expect(requests).toEqual(['/api/v1/rounds/r%201/areas/mg-1/buildings']);
  });

  it('answers a burst of count changes with one more request, and keeps the points so only colours change', async () => {
    buildings.show({ roundId: 'r1', microgridId: 'mg-1' });
    await vi.waitFor(() => expect(buildings.list[0]?.households.visited).toBe(1));
    const points = buildings.points;
    for (let i = 0; i < 20; i++) buildings.changed();
    await vi.waitFor(() => expect(buildings.list[0]?.households.visited).toBe(2), { timeout: 5 * BUILDINGS_REFRESH_MS });
    // Nothing else was asked for: wait past another refresh window and count again.
    await new Promise((resolve) => setTimeout(resolve, 2 * BUILDINGS_REFRESH_MS));
    expect(requests).toHaveLength(2);
    expect(buildings.points).toBe(points);
  });

  it('stops asking once nothing is shown', async () => {
    buildings.show({ roundId: 'r1', microgridId: 'mg-1' });
    await vi.waitFor(() => expect(buildings.list).toHaveLength(1));
    buildings.changed();
    buildings.show(null);
    await new Promise((resolve) => setTimeout(resolve, 2 * BUILDINGS_REFRESH_MS));
    expect(requests).toHaveLength(1);
    expect(buildings.list).toEqual([]);
    expect(buildings.points).toBeNull();
  });
});
