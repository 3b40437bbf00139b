import { createServer as createHttpServer } from 'node:http';
import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { ApiClient, ApiError } from '../src/lib/api/api-client.js';
import { Credential } from '../src/lib/auth/credential.svelte.js';

/** A real HTTP server answering every request with the same JSON, for as long as `use` runs. */
async function answering(json: unknown, use: (baseUrl: string) => Promise<void>): Promise<void> {
  const server = createHttpServer((_, response) => {
    response.setHeader('content-type', 'application/json');
    response.end(JSON.stringify(json));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  try {
    await use(`http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`);
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
}

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

  it("refuses an answer that is not the contract's, naming the operation and the field, rather than passing half a round on", async () => {
    // Two of a round's fields were all the old guard looked at; the monitor reads a third.
    await answering([{ id: 'r1', name: '11-14 全员核酸' }], async (baseUrl) => {
      const client = new ApiClient(baseUrl, undefined, new Credential(null));
      await expect(client.rounds()).rejects.toThrow('the answer does not match the API contract (listRounds): 0.templateId is required');
    });
  });

  it("takes an answer that is the contract's as it is", async () => {
    const round = { id: 'r1', name: '11-14 全员核酸', templateId: 'nucleic-acid', templateVersion: 1, rulesId: 'nucleic-acid-default', rulesVersion: 1, areaId: 'c', startsAt: 0 };
    await answering([round], async (baseUrl) => {
      expect(await new ApiClient(baseUrl, undefined, new Credential(null)).rounds()).toEqual([round]);
    });
  });
});
