import { OPERATIONS } from '@gridsweep/contract';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/dialects.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

interface OpenApiOperation {
  operationId?: string;
  summary?: string;
  tags?: string[];
  security?: Record<string, string[]>[];
  responses: Record<string, unknown>;
}

interface OpenApiDocument {
  servers?: { url: string }[];
  components?: { securitySchemes?: Record<string, { type: string; scheme?: string }> };
  paths: Record<string, Record<string, OpenApiOperation>>;
}

interface LintReport {
  totals: { errors: number; warnings: number };
  problems: { ruleId: string; severity: 'error' | 'warn'; message: string; location: { pointer: string }[] }[];
}

/** The Redocly CLI of the devDependencies, run by this Node, offline: no telemetry, no update check. */
async function lint(document: unknown): Promise<LintReport> {
  const folder = mkdtempSync(join(tmpdir(), 'gridsweep-openapi-'));
  try {
    const file = join(folder, 'openapi.json');
    writeFileSync(file, JSON.stringify(document));
    const cli = join(dirname(createRequire(import.meta.url).resolve('@redocly/cli/package.json')), 'bin', 'cli.js');
    const { stdout } = await promisify(execFile)(process.execPath, [cli, 'lint', '--extends', 'recommended', '--format', 'json', file], {
      cwd: folder,
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_COLOR: '1' },
      maxBuffer: 64 * 1024 * 1024,
    }).catch((failure: { stdout?: string }) => ({ stdout: failure.stdout ?? '' }));
    return JSON.parse(stdout) as LintReport;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

describe('the OpenAPI document', () => {
  let server: TestServer;
  let document: OpenApiDocument;
  beforeAll(async () => {
    server = await startTestServer(DIALECTS[0]!);
    document = (await server.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<OpenApiDocument>();
  });
  afterAll(async () => server.close());

  const operations = () => Object.entries(document.paths).flatMap(([path, byMethod]) => Object.entries(byMethod).map(([method, op]) => ({ path, method, op })));

  it('passes the recommended rules of a standard OpenAPI linter (Redocly) with no error', async () => {
    const report = await lint(document);
    const errors = report.problems.filter((problem) => problem.severity === 'error');
    expect(errors.map((problem) => `${problem.ruleId} at ${problem.location[0]?.pointer}: ${problem.message}`)).toEqual([]);
    expect(report.totals.errors).toBe(0);
  });

  it("lists every operation of the contract, each under its operationId with a summary and a tag", () => {
    const ids = operations().map(({ op }) => op.operationId);
    expect(ids.sort()).toEqual(Object.keys(OPERATIONS).sort());
    for (const { path, method, op } of operations()) {
      expect(op.summary, `${method} ${path}`).toBeTruthy();
      expect(op.tags, `${method} ${path}`).toHaveLength(1);
    }
  });

  it('defines a bearer scheme, applies it to every operation but sign-in and health, and names a server', () => {
    expect(document.servers?.length).toBeGreaterThan(0);
    expect(document.components?.securitySchemes?.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    for (const { path, method, op } of operations()) {
      const open = op.operationId === 'login' || op.operationId === 'getHealth';
      expect(op.security, `${method} ${path}`).toEqual(open ? [] : [{ bearer: [] }]);
      if (!open) expect(Object.keys(op.responses), `${method} ${path}`).toEqual(expect.arrayContaining(['401', '403', '429']));
    }
  });
});
