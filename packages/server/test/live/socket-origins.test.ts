import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from '../../src/config.js';
import { DIALECTS } from '../support/dialects.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

describe('socket handshakes by origin', () => {
  let server: TestServer;
  let port: number;

  beforeAll(async () => {
    server = await startTestServer(DIALECTS[0]!);
    await server.app.listen({ port: 0, host: '127.0.0.1' });
    port = (server.app.server.address() as { port: number }).port;
  });
  afterAll(async () => server.close());

  /** Connects with a real socket.io client that sends `origin` as a browser page would; answers whether it got in. */
  function connectsFrom(origin: string | undefined, transport: 'websocket' | 'polling'): Promise<boolean> {
    const socket = io(`http://127.0.0.1:${port}`, {
      transports: [transport],
      auth: { token: server.adminToken },
      reconnection: false,
      timeout: 5_000,
      ...(origin === undefined ? {} : { extraHeaders: { origin } }),
    });
    return new Promise((resolve) => {
      socket.on('connect', () => {
        socket.close();
        resolve(true);
      });
      socket.on('connect_error', () => {
        socket.close();
        resolve(false);
      });
    });
  }

  it.each(['websocket', 'polling'] as const)('lets in a page of the server itself and a client without an Origin, and refuses another site (%s)', async (transport) => {
    expect(await connectsFrom(`http://127.0.0.1:${port}`, transport)).toBe(true);
    expect(await connectsFrom(undefined, transport)).toBe(true);
    expect(await connectsFrom('https://evil.example', transport)).toBe(false);
  });

  it('reads the origins allowed besides its own from SOCKET_ORIGINS, and refuses what is not an origin', () => {
    expect(readConfig({ SOCKET_ORIGINS: 'https://wall.example.org, http://10.0.0.5:3000' }).socketOrigins).toEqual(['https://wall.example.org', 'http://10.0.0.5:3000']);
    expect(() => readConfig({ SOCKET_ORIGINS: 'https://wall.example.org/path' })).toThrow('SOCKET_ORIGINS must be origins');
  });

  it('believes X-Forwarded-For only from the proxies TRUST_PROXY names', () => {
    expect(readConfig({}).trustProxy).toBe(false);
    expect(readConfig({ TRUST_PROXY: '10.0.0.1, 10.1.0.0/16' }).trustProxy).toEqual(['10.0.0.1', '10.1.0.0/16']);
    expect(() => readConfig({ TRUST_PROXY: 'everyone' })).toThrow('TRUST_PROXY must be');
  });
});
