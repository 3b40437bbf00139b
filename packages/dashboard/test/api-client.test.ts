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
    await expect(failure).rejects.toThrow(`http://127.0.0.1:${port}/api/v1/areas.geojson?level=microgrid&within=grid+1: server unreachable`);
  });
});
