import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/dialects.js';
import { memberEvent, smallTerritory, visitEvent } from '../support/small-territory.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

const EVENT_KEYS = ['id', 'deviceTime', 'roundId', 'workerId', 'householdId', 'memberId', 'values'] as const;

/** A well-formed event with one thing broken: the ways a buggy or hostile client can get an event wrong. */
const brokenEvent: fc.Arbitrary<unknown> = fc
  .record({
    base: fc.constantFrom(visitEvent('mg1-b1-1-101'), memberEvent('mg2-b2-2-201', 'mg2-b2-2-201-m1')),
    breakage: fc.oneof(
      fc.record({ kind: fc.constant('drop' as const), key: fc.constantFrom('id', 'deviceTime', 'roundId', 'workerId', 'householdId', 'values') }),
      // Strings and numbers could happen to be valid ids or times; every other type is wrong for every field.
      fc.record({
        kind: fc.constant('retype' as const),
        key: fc.constantFrom(...EVENT_KEYS),
        value: fc.anything().filter((v) => v !== undefined && typeof v !== 'string' && typeof v !== 'number'),
      }),
      fc.record({
        kind: fc.constant('extra' as const),
        key: fc.string({ minLength: 1 }).filter((k) => !(EVENT_KEYS as readonly string[]).includes(k) && k !== '__proto__'),
        value: fc.jsonValue(),
      }),
      fc.record({ kind: fc.constant('id' as const), value: fc.oneof(fc.uuid({ version: 4 }), fc.string(), fc.uuid({ version: 7 }).map((u) => u.toUpperCase())) }),
      fc.record({ kind: fc.constant('time' as const), value: fc.oneof(fc.integer({ max: 946_684_799_999 }), fc.constant(Date.now() + 3 * 86_400_000), fc.double({ noInteger: true })) }),
      fc.record({ kind: fc.constant('reference' as const), key: fc.constantFrom('roundId', 'householdId', 'memberId'), value: fc.stringMatching(/^[a-z]{1,8}$/) }),
      fc.record({
        kind: fc.constant('values' as const),
        value: fc.oneof(
          fc.constant({}),
          fc.constant([]),
          fc.dictionary(fc.string().filter((k) => !['outcome', 'test', 'code', '__proto__'].includes(k)), fc.string(), { minKeys: 1 }),
          fc.constant({ outcome: 'maybe' }),
          fc.constant({ test: 'maybe' }),
        ),
      }),
    ),
  })
  .map(({ base, breakage }) => {
    const event: Record<string, unknown> = { ...base };
    switch (breakage.kind) {
      case 'drop':
        delete event[breakage.key];
        break;
      case 'retype':
      case 'extra':
      case 'reference':
        event[breakage.key] = breakage.value;
        break;
      case 'id':
        event.id = breakage.value;
        break;
      case 'time':
        event.deviceTime = breakage.value;
        break;
      case 'values':
        event.values = breakage.value;
        break;
    }
    return event;
  });

/** Whole request bodies that are wrong: not the envelope, or an envelope of nothing but broken events. */
const malformedBody: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue().filter((v) => typeof v !== 'object' || v === null || Array.isArray(v) || !('events' in v)),
  fc.record({ events: fc.oneof(fc.jsonValue().filter((v) => !Array.isArray(v)), fc.constant([])) }),
  fc.record({ events: fc.array(brokenEvent, { minLength: 1, maxLength: 8 }) }),
  fc.record({ events: fc.array(brokenEvent, { minLength: 1, maxLength: 3 }), extra: fc.jsonValue() }),
);

describe('POST /api/v1/events with malformed payloads', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(DIALECTS[0]!, { territory: smallTerritory() });
  });
  afterAll(async () => server.close());

  it('answers thousands of malformed payloads with a 4xx and a reason, never a 5xx, and writes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(malformedBody, async (body) => {
        const response = await server.app.inject({
          method: 'POST',
          url: '/api/v1/events',
          headers: { ...server.auth, 'content-type': 'application/json' },
          payload: JSON.stringify(body) ?? 'undefined',
        });
        expect(response.statusCode).toBeGreaterThanOrEqual(400);
        expect(response.statusCode).toBeLessThan(500);
        const answer = response.json<{ code: string; message: string; issues?: unknown[]; results?: { issues: unknown[] }[] }>();
        expect(answer.code).toMatch(/^[A-Z_]+$/);
        const reasons = answer.issues ?? answer.results?.flatMap((r) => r.issues) ?? [answer.message];
        expect(reasons.length).toBeGreaterThan(0);
      }),
      { numRuns: 3000 },
    );
    expect(await server.app.eventLog.count()).toBe(0);
  });

  it('answers bodies that are not JSON at all with a 4xx', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string(), fc.constantFrom('application/json', 'text/plain', 'application/x-www-form-urlencoded'), async (payload, type) => {
        const response = await server.app.inject({ method: 'POST', url: '/api/v1/events', headers: { ...server.auth, 'content-type': type }, payload });
        expect(response.statusCode).toBeGreaterThanOrEqual(400);
        expect(response.statusCode).toBeLessThan(500);
      }),
      { numRuns: 500 },
    );
    expect(await server.app.eventLog.count()).toBe(0);
  });
});
