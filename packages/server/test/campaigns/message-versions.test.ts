import { ERRORS } from '@gridsweep/contract';
import type { SubscribeReplyV1 } from '@gridsweep/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/dialects.js';
import { smallTerritory } from '../support/small-territory.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { connect, once, type LiveTestSocket } from '../live/live-client.js';

describe.each(DIALECTS)("an old client's message versions on $name", (dialect) => {
  let server: TestServer;
  let socket: LiveTestSocket;
  beforeEach(async () => {
    server = await startTestServer(dialect, { territory: smallTerritory() });
    await server.app.listen({ port: 0, host: '127.0.0.1' });
    socket = connect((server.app.server.address() as { port: number }).port, server.adminToken);
    await once(socket, 'connect');
  });
  afterEach(async () => {
    socket.disconnect();
    await server.close();
  });

  it('refuses a counts.subscribe:v2 with VERSION_RETIRED, naming the event to use, and sends it no counts', async () => {
    const heard: string[] = [];
    socket.onAny((event: string) => heard.push(event));
    const reply: SubscribeReplyV1 = await socket.emitWithAck('counts.subscribe:v2', { roundId: 'r1', areaId: 'c', depth: 'microgrid' });
    expect(reply).toEqual({ ok: false, error: { code: 'VERSION_RETIRED', message: ERRORS.VERSION_RETIRED.message } });
    if (!reply.ok) expect(reply.error.message).toContain('counts.subscribe:v3');
    expect(heard).toEqual([]);
    // The same socket goes on working with the current version.
    const current: SubscribeReplyV1 = await socket.emitWithAck('counts.subscribe:v3', { roundId: 'r1', areaId: 'c', depth: 'microgrid' });
    expect(current.ok).toBe(true);
    await expect.poll(() => heard).toEqual(['counts.snapshot:v3']);
  });
});
