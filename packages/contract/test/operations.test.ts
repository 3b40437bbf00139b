import { describe, expect, it } from 'vitest';
import { ERRORS, OPERATION_TAGS, OPERATIONS, pathOf, type Operation } from '../src/index.js';

const operations: [string, Operation][] = Object.entries(OPERATIONS);

/** Paths of object schemas with named properties that do not close their shape. */
function openObjects(node: unknown, path = ''): string[] {
  if (typeof node !== 'object' || node === null) return [];
  const record = node as Record<string, unknown>;
  const here = record.type === 'object' && record.properties !== undefined && record.additionalProperties !== false ? [path] : [];
  return [...here, ...Object.entries(record).flatMap(([key, child]) => openObjects(child, `${path}/${key}`))];
}

/** Paths of unions that allow null but try another type first (a coercing validator turns null into 0 or ""). */
function nullLast(node: unknown, path = ''): string[] {
  if (typeof node !== 'object' || node === null) return [];
  const record = node as Record<string, unknown>;
  const branches = Array.isArray(record.anyOf) ? (record.anyOf as { type?: unknown }[]) : [];
  const here = branches.some((branch) => branch.type === 'null') && branches[0]?.type !== 'null' ? [path] : [];
  return [...here, ...Object.entries(record).flatMap(([key, child]) => nullLast(child, `${path}/${key}`))];
}

describe('the operations of the contract', () => {
  it('are filed under their operationId, a camelCase verb phrase, each once', () => {
    for (const [key, op] of operations) {
      expect(op.schema.operationId).toBe(key);
      expect(key).toMatch(/^(get|list|create|update|set|submit|reveal|revoke|login|logout|export|import|preview|archive|unarchive|add|remove|accept|complete|cancel|upload|commit)([A-Z][a-z]+)*$/);
    }
    const routes = operations.map(([, op]) => `${op.method} ${op.path}`);
    expect(new Set(routes).size).toBe(routes.length);
  });

  it('each have a summary, a known tag and an answer for success', () => {
    const tags: readonly string[] = OPERATION_TAGS.map((tag) => tag.name);
    for (const [key, op] of operations) {
      expect(op.schema.summary.length, key).toBeGreaterThan(0);
      expect(tags, key).toContain(op.schema.tags[0]);
      expect(Object.keys(op.schema.response).some((status) => status.startsWith('2')), key).toBe(true);
    }
  });

  it('name the bearer scheme, and the answers of the guard, on every operation but sign-in and health', () => {
    const open = operations.filter(([, op]) => op.access === 'public').map(([key]) => key);
    expect(open.sort()).toEqual(['getHealth', 'login']);
    for (const [key, op] of operations) {
      if (op.access === 'public') expect(op.schema.security, key).toEqual([]);
      else {
        expect(op.schema.security, key).toEqual([{ bearer: [] }]);
        expect(Object.keys(op.schema.response), key).toEqual(expect.arrayContaining(['401', '403', '429']));
      }
    }
  });

  it('close every object shape, so an unknown field is refused rather than dropped', () => {
    expect(operations.flatMap(([key, op]) => openObjects(op.schema, key))).toEqual([]);
  });

  it('put null first in every union a client sends, so a coercing validator keeps a null a null', () => {
    const sent = operations.flatMap(([key, op]) => (['params', 'querystring', 'body'] as const).flatMap((part) => nullLast(op.schema[part], `${key}/${part}`)));
    expect(sent).toEqual([]);
  });

  it('answer errors only with statuses of the error catalogue', () => {
    const statuses = new Set(Object.values(ERRORS).map((entry) => String(entry.status)));
    for (const [key, op] of operations) {
      for (const status of Object.keys(op.schema.response).filter((s) => Number(s) >= 400)) expect(statuses, `${key} ${status}`).toContain(status);
    }
  });

  it('fill a path in with each parameter encoded', () => {
    expect(pathOf(OPERATIONS.getAreaCounts, { roundId: 'r 1', areaId: 'a/b' })).toBe('/api/v1/rounds/r%201/areas/a%2Fb/counts');
    expect(() => pathOf(OPERATIONS.getArea)).toThrow('getArea: no value for the path parameter areaId');
  });
});
