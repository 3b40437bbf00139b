import { OPERATIONS, SweepEventSchema } from '@gridsweep/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROBES, type Targets } from '../access/route-probes.js';
import { DIALECTS } from '../support/dialects.js';
import { smallTerritory, visitEvent } from '../support/small-territory.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

/** What no free text may hold, each inside otherwise ordinary text. */
const POISONS = { NUL: 'a\u0000b', 'a lone surrogate': 'a\ud800b', 'a bidi control': 'a\u202eb' } as const;

type Schema = { type?: string; enum?: unknown[]; const?: unknown; properties?: Record<string, Schema>; items?: Schema; anyOf?: Schema[]; required?: string[] };
interface Parameter {
  in: 'path' | 'query';
  name: string;
  schema: Schema;
}
interface OpenApiOperation {
  operationId: string;
  parameters?: Parameter[];
  requestBody?: { content: { 'application/json': { schema: Schema } } };
}

const isString = (schema: Schema): boolean =>
  schema.type === 'string' || typeof schema.const === 'string' || (schema.enum?.every((value) => typeof value === 'string') ?? false) || (schema.anyOf?.some(isString) ?? false);

/** The branch of a union that a valid value takes (a scope of kind `areas` takes the branch whose kind is `areas`). */
function branchOf(schema: Schema, value: unknown): Schema {
  if (!schema.anyOf) return schema;
  const kind = (value as { kind?: unknown } | undefined)?.kind;
  return schema.anyOf.find((branch) => branch.properties?.kind?.const === kind) ?? schema.anyOf.find((branch) => branch.type === 'object') ?? schema;
}

/**
 * Dotted paths of every string field of a body schema, following the valid
 * body's shape where a union forks, into the objects the valid body has (an
 * optional object it leaves out would be refused for its missing fields first).
 */
function stringFields(schema: Schema, value: unknown, path: string[] = []): string[][] {
  const shape = branchOf(schema, value);
  if (shape.properties) {
    if (value === undefined || value === null) return [];
    return Object.entries(shape.properties).flatMap(([name, child]) =>
      isString(child) ? [[...path, name]] : stringFields(child, (value as Record<string, unknown>)[name], [...path, name]),
    );
  }
  if (shape.type === 'array' && shape.items) {
    return isString(shape.items) ? [[...path, '0']] : stringFields(shape.items, (value as unknown[] | undefined)?.[0], [...path, '0']);
  }
  return [];
}

/** A copy of the body with `text` at the path, lists and objects made where the valid body has none. */
function poisoned(body: unknown, path: readonly string[], text: string): unknown {
  const [head, ...rest] = path;
  if (head === undefined) return text;
  const holder: Record<string, unknown> | unknown[] = /^\d+$/.test(head) ? [...((body as unknown[] | undefined) ?? [])] : { ...((body as object | undefined) ?? {}) };
  (holder as Record<string, unknown>)[head] = poisoned((holder as Record<string, unknown>)[head], rest, text);
  return holder;
}

/** Percent-encoding that, unlike encodeURIComponent, can say a lone surrogate: as the three bytes WTF-8 gives it. */
function encode(text: string): string {
  return [...text]
    .map((char) => {
      const unit = char.charCodeAt(0);
      if (char.length === 1 && unit >= 0xd800 && unit <= 0xdfff) {
        return [0xe0 | (unit >> 12), 0x80 | ((unit >> 6) & 0x3f), 0x80 | (unit & 0x3f)].map((byte) => `%${byte.toString(16).toUpperCase()}`).join('');
      }
      return encodeURIComponent(char);
    })
    .join('');
}

interface Answer {
  code: string;
  issues?: { field: string }[];
  results?: { issues?: { field: string }[] }[];
}

const named = (answer: Answer): string[] => [...(answer.issues ?? []), ...(answer.results ?? []).flatMap((result) => result.issues ?? [])].map((issue) => issue.field);

describe('every string field of every operation, sent with NUL, a lone surrogate or a bidi control', () => {
  let server: TestServer;
  let operations: { method: string; path: string; op: OpenApiOperation }[];
  const A: Targets = { areaId: 'mg1', buildingId: 'mg1-b1', householdId: 'mg1-b1-1-101', memberId: 'mg1-b1-1-101-m1', roundId: 'r1', userId: 'someone' };

  beforeAll(async () => {
    server = await startTestServer(DIALECTS[0]!, { territory: smallTerritory(), access: { rateLimitPerMinute: 0 } });
    const document = (await server.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{ paths: Record<string, Record<string, OpenApiOperation>> }>();
    operations = Object.entries(document.paths).flatMap(([path, byMethod]) => Object.entries(byMethod).map(([method, op]) => ({ method: method.toUpperCase(), path, op })));
  });
  afterAll(async () => server.close());

  /** Sends one request of the operation, valid but for `field` (path, query or body), and answers what came back. */
  async function send(target: { method: string; path: string; op: OpenApiOperation }, field: { in: 'path' | 'query' | 'body'; path: string[] } | null, text: string) {
    const route = target.path.replace(/\{(\w+)\}/g, ':$1');
    const probe = PROBES[`${target.method} ${route}`] ?? {};
    const values: Record<string, string> = { ...(A as unknown as Record<string, string>), ...probe.params };
    const url = target.path.replace(/\{(\w+)\}/g, (_, name: string) => (field?.in === 'path' && field.path[0] === name ? encode(text) : encodeURIComponent(values[name]!)));
    const query = new URLSearchParams(probe.query ?? '');
    let search = query.toString();
    if (field?.in === 'query') {
      query.delete(field.path[0]!);
      search = [query.toString(), `${field.path[0]}=${encode(text)}`].filter(Boolean).join('&');
    }
    const body = probe.body?.(A);
    const payload = field?.in === 'body' ? poisoned(body, field.path, text) : body;
    const headers = target.op.operationId === 'login' ? {} : server.auth;
    return server.app.inject({ method: target.method as 'GET', url: `${url}${search ? `?${search}` : ''}`, headers, ...(payload === undefined ? {} : { payload: payload as object }) });
  }

  it('walks every operation of the document and finds string fields in all three places', () => {
    expect(operations.map(({ op }) => op.operationId).sort()).toEqual(Object.keys(OPERATIONS).sort());
    const places = new Set(operations.flatMap(({ op }) => [...(op.parameters ?? []).filter((p) => isString(p.schema)).map((p) => p.in), ...(op.requestBody ? ['body'] : [])]));
    expect([...places].sort()).toEqual(['body', 'path', 'query']);
  });

  it('answers each with 400 naming the field, never a 5xx', async () => {
    const misses: string[] = [];
    let sent = 0;
    for (const target of operations) {
      const fields = [
        ...(target.op.parameters ?? []).filter((p) => isString(p.schema)).map((p) => ({ in: p.in, path: [p.name] })),
        ...(target.op.requestBody
          ? stringFields(target.op.requestBody.content['application/json'].schema, PROBES[`${target.method} ${target.path.replace(/\{(\w+)\}/g, ':$1')}`]?.body?.(A)).map(
              (path) => ({ in: 'body' as const, path }),
            )
          : []),
      ];
      for (const field of fields) {
        for (const [what, text] of Object.entries(POISONS)) {
          const response = await send(target, field, text);
          sent++;
          const name = field.path.join('.');
          if (response.statusCode !== 400 || !named(response.json<Answer>()).includes(name)) {
            misses.push(`${target.op.operationId} ${field.in} ${name} with ${what}: ${response.statusCode} ${response.body.slice(0, 200)}`);
          }
        }
      }
    }
    expect(misses).toEqual([]);
    // Ids in every path, levels and ids in queries, names, rooms, reasons, passwords, scopes and tags in bodies.
    expect(sent).toBeGreaterThan(150);
  });

  it("answers each string field of a sweep event with the item's rejection naming it", async () => {
    const fields = Object.keys(SweepEventSchema.properties).filter((name) => name !== 'deviceTime' && name !== 'values');
    const misses: string[] = [];
    for (const field of [...fields.map((name) => [name]), ['values', 'outcome']]) {
      for (const [what, text] of Object.entries(POISONS)) {
        const event = poisoned(visitEvent('mg1-b1-1-101'), field, text);
        const response = await server.app.inject({ method: 'POST', url: '/api/v1/events', headers: server.auth, payload: { events: [event] } });
        const name = `events.0.${field.join('.')}`;
        if (response.statusCode !== 400 || !named(response.json<Answer>()).includes(name)) misses.push(`${name} with ${what}: ${response.statusCode} ${response.body.slice(0, 200)}`);
      }
    }
    expect(misses).toEqual([]);
  });

  it('answers a sign-in whose username holds NUL with 400 naming it, without a credential', async () => {
    const response = await server.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'admin\u0000', password: 'whatever-it-is' } });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'VALIDATION_FAILED', issues: [{ field: 'username' }] });
  });
});
