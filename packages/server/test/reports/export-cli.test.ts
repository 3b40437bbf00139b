import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storageOptionsOf } from '../../src/app-options.js';
import { DIALECTS } from '../support/dialects.js';
import { smallTerritory } from '../support/small-territory.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { countsOf, sweepSomeDoors, type CountsAnswer } from './export-fixture.js';

const PACKAGE_DIR = fileURLToPath(new URL('../..', import.meta.url));

/** Runs the real CLI the way `pnpm gridsweep` does, on the test's PGlite folder. */
function gridsweep(dataDir: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const env = { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' };
    execFile(process.execPath, ['--import', 'tsx', '--conditions=@gridsweep/source', 'src/cli/main.ts', ...args], { cwd: PACKAGE_DIR, env, maxBuffer: 64 << 20 }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe('gridsweep export', () => {
  let server: TestServer;
  let dataDir: string;
  let out: string;
  let grid: CountsAnswer;

  beforeAll(async () => {
    server = await startTestServer(DIALECTS[0]!, { territory: smallTerritory() });
    await sweepSomeDoors(server);
    grid = await countsOf(server, 'r1', 'g');
    const storage = storageOptionsOf(server.app.appOptions);
    if (storage.kind !== 'pglite') throw new Error('the CLI test runs on a PGlite folder');
    dataDir = storage.dataDir;
    out = await mkdtemp(join(tmpdir(), 'gridsweep-export-'));
    // The CLI opens the folder itself: the server lets go of it first.
    await server.app.close();
  }, 60_000);
  afterAll(async () => {
    await server.restart();
    await server.close();
    await rm(out, { recursive: true, force: true });
  });

  it('documents both exports and every ledger in --help', async () => {
    const { code, stdout } = await gridsweep(dataDir, 'export', '--help');
    expect(code).toBe(0);
    for (const word of ['report', 'ledger', 'special-groups', 'not-visited', 'markers', '--round', '--area', '--format', '--out', '--reveal', '--reason']) expect(stdout).toContain(word);
  });

  it('writes the daily report of the configured database with the numbers the counts API answered', async () => {
    const file = join(out, 'report.csv');
    const run = await gridsweep(dataDir, 'export', 'report', '--round', 'r1', '--area', 'g', '--format', 'csv', '--out', file);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain(`written to ${file}`);
    const lines = (await readFile(file, 'utf8')).replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    const header = lines[0]!.split(',');
    const totals = lines[lines.length - 1]!.split(',');
    expect(totals[2]).toBe('合计（网格一）');
    expect(Number(totals[header.indexOf('已入户')])).toBe(grid.counts.households.visited);
    expect(Number(totals[header.indexOf('红码')])).toBe(grid.counts.markers.red);
  });

  it('reveals a ledger only with a reason, which the audit log keeps under the system user', async () => {
    const refused = await gridsweep(dataDir, 'export', 'ledger', 'special-groups', '--round', 'r1', '--area', 'g', '--reveal');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('--reason');
    const run = await gridsweep(dataDir, 'export', 'ledger', 'special-groups', '--round', 'r1', '--area', 'g', '--format', 'csv', '--out', '-', '--reveal', '--reason', '街道夜间核对');
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('张三,13800000000,独居老人');
    expect(run.stdout.trimEnd().split('\r\n')).toHaveLength(1 + grid.counts.specialGroups.elderly_alone!.total);

    await server.restart();
    const [entry] = await server.app.access.audit.recent({ limit: 1 });
    expect(entry).toMatchObject({ action: 'ledger.export', target: 'ledger:r1/g/special-groups', reason: '街道夜间核对', source: 'cli' });
    expect(entry!.actorId).toMatch(/^cli:/);
    await server.app.close();
  });

  it('names a wrong ledger, round or format and exits 2', async () => {
    expect((await gridsweep(dataDir, 'export', 'ledger', 'everyone', '--round', 'r1', '--area', 'g')).stderr).toContain('special-groups');
    const noRound = await gridsweep(dataDir, 'export', 'report', '--round', 'nope', '--area', 'g');
    expect(noRound.code).toBe(2);
    expect(noRound.stderr).toContain('"nope"');
    expect((await gridsweep(dataDir, 'export', 'report', '--round', 'r1', '--area', 'g', '--format', 'pdf')).stderr).toContain('--format');
  });
});
