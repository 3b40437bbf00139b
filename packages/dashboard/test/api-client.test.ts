import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { ApiClient, ApiError } from '../src/lib/api/api-client.js';

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  return typeof address === 'object' && address ? address.port : 0;
}

describe('ApiClient', () => {
  it('names the URL it asked for when the server cannot be reached', async () => {
    const port = await closedPort();
    const client = new ApiClient(`http://127.0.0.1:${port}`);
    const failure = client.areas({ level: 'microgrid', within: 'grid 1' });
    await expect(failure).rejects.toBeInstanceOf(ApiError);
    await expect(failure).rejects.toThrow(`http://127.0.0.1:${port}/api/v1/areas.geojson?level=microgrid&within=grid+1&geometry=none: server unreachable`);
  });

  it('gives a view\'s tiles an address MapLibre can fill in: absolute, its {z}/{x}/{y} kept, the view in the query', () => {
    const client = new ApiClient('http://127.0.0.1:3000');
    expect(client.tilesUrl({ level: 'microgrid', within: 'grid 1' })).toBe('http://127.0.0.1:3000/api/v1/area-tiles/{z}/{x}/{y}?level=microgrid&within=grid+1');
    expect(client.tilesUrl({ level: 'district' })).toBe('http://127.0.0.1:3000/api/v1/area-tiles/{z}/{x}/{y}?level=district');
  });
});
