import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, once, type LiveTestSocket } from '../live/live-client.js';
import { DIALECTS } from '../support/dialects.js';
import { smallTerritory, visitEvent } from '../support/small-territory.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

const POISONS = { NUL: 'a\u0000b', 'a lone surrogate': 'a\ud800b', 'a bidi control': 'a\u202eb' } as const;

interface Refusal {
  ok: boolean;
  error?: { code: string };
  issues?: { field: string }[];
  results?: { issues?: { field: string }[] }[];
}

const named = (reply: Refusal): string[] => [...(reply.issues ?? []), ...(reply.results ?? []).flatMap((result) => result.issues ?? [])].map((issue) => issue.field);

describe('every string field of the socket messages, sent with NUL, a lone surrogate or a bidi control', () => {
  let server: TestServer;
  let socket: LiveTestSocket;

  beforeAll(async () => {
    server = await startTestServer(DIALECTS[0]!, { territory: smallTerritory(), access: { rateLimitPerMinute: 0 } });
    await server.app.listen({ port: 0, host: '127.0.0.1' });
    socket = connect((server.app.server.address() as { port: number }).port, server.adminToken);
    await once(socket, 'connect');
  });
  afterAll(async () => {
    socket.disconnect();
    await server.close();
  });

  const ask = (event: string, payload: unknown) =>
    new Promise<Refusal>((resolve) => (socket.emit as (event: string, payload: unknown, reply: (answer: Refusal) => void) => void)(event, payload, resolve));

  const subscription = { roundId: 'r1', areaId: 'c', depth: 'microgrid', resume: { streamId: 'stream', seq: 0 } };

  it.each(Object.entries(POISONS))('refuses a subscription with %s in any field, naming it', async (_what, text) => {
    for (const field of ['roundId', 'areaId', 'depth', 'resume.streamId']) {
      const [head, tail] = field.split('.') as [keyof typeof subscription, string | undefined];
      const payload = tail ? { ...subscription, resume: { ...subscription.resume, [tail]: text } } : { ...subscription, [head]: text };
      const reply = await ask('counts.subscribe:v3', payload);
      expect({ field, ok: reply.ok, code: reply.error?.code }).toEqual({ field, ok: false, code: 'BAD_SUBSCRIPTION' });
      expect(named(reply)).toContain(field);
    }
  });

  it.each(Object.entries(POISONS))("refuses a socket event batch with %s in an event's id fields, naming the field", async (_what, text) => {
    for (const field of ['id', 'roundId', 'workerId', 'householdId']) {
      const reply = await ask('events.submit:v1', [{ ...visitEvent('mg1-b1-1-101'), [field]: text }]);
      expect(reply.ok).toBe(false);
      expect(named(reply)).toContain(`events.0.${field}`);
    }
    const poisonedKey = await ask('events.submit:v1', [{ ...visitEvent('mg1-b1-1-101'), values: { [text]: 'visited' } }]);
    expect(poisonedKey.ok).toBe(false);
    expect(named(poisonedKey).join()).toContain('events.0.values');
  });
});
