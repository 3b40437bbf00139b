import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStorage } from '../../src/db/open-database.js';
import { writeCsv } from './import-files.js';

const PACKAGE_DIR = fileURLToPath(new URL('../..', import.meta.url));

/** The real CLI as `pnpm gridsweep` runs it, on a PGlite folder of the test's own. */
function gridsweep(dataDir: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', '--conditions=@gridsweep/source', 'src/cli/main.ts', ...args],
      { cwd: PACKAGE_DIR, env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' }, maxBuffer: 16 << 20 },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe('gridsweep import', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'gridsweep-import-cli-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('imports areas, buildings and a roster into the configured database, a dry run first, with the report on stdout', async () => {
    const data = join(dir, 'data');
    writeCsv(join(dir, 'areas.csv'), [['编码', '名称', '级别', '上级编码'], ['c', '福州市', '市', ''], ['d', '鼓楼区', '区', 'c'], ['s', '东街街道', '街道', 'd'], ['cm', '东街社区', '社区', 's'], ['g', '网格一', '网格', 'cm'], ['mg1', '微网格一', '微网格', 'g']]);
    writeFileSync(join(dir, 'buildings.geojson'), JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { name: '1号楼', units: 2, floors: 6, areaId: 'mg1' }, geometry: { type: 'Point', coordinates: [119.3, 26.1] } }] }));
    writeCsv(join(dir, 'roster.csv'), [['楼栋', '单元', '房号', '姓名', '手机号', '特殊人群'], ['1号楼', '1', '101', '王芳', '13900000001', '独居老人、慢性病'], ['1号楼', '1', '101', '陈明', '', '']], 'gb18030');

    expect((await gridsweep(data, 'import', 'areas', join(dir, 'areas.csv'), '--quiet')).code).toBe(0);
    expect((await gridsweep(data, 'import', 'buildings', join(dir, 'buildings.geojson'), '--crs', 'gcj02', '--quiet')).code).toBe(0);
    const dry = await gridsweep(data, 'import', 'roster', join(dir, 'roster.csv'), '--area', 'cm', '--dry-run');
    expect(dry.code).toBe(0);
    expect(JSON.parse(dry.stdout)).toMatchObject({ dryRun: true, committed: false, households: { add: 1 }, members: { add: 2 } });
    expect(dry.stderr).toContain('reading 100%');
    const real = await gridsweep(data, 'import', 'roster', join(dir, 'roster.csv'), '--area', 'cm', '--quiet');
    expect(JSON.parse(real.stdout)).toMatchObject({ committed: true, members: { add: 2 } });

    const storage = await openStorage({ kind: 'pglite', dataDir: data });
    try {
      const members = await storage.db.selectFrom('members').select(['name', 'tags']).orderBy('name').execute();
      expect(members).toEqual([
        { name: '王芳', tags: ['elderly_alone', 'chronic'] },
        { name: '陈明', tags: [] },
      ]);
      const audit = await storage.db.selectFrom('audit_log').select(['action', 'actor_id']).orderBy('seq').execute();
      expect(audit.map((entry) => entry.action)).toEqual(['import.areas', 'import.buildings', 'import.roster']);
      expect(audit[0]!.actor_id).toMatch(/^cli:/);
    } finally {
      await storage.close();
    }
  }, 240_000);

  it('exits 1 naming the problem when a file has one, and 2 on a usage mistake', async () => {
    const bad = join(dir, 'bad.geojson');
    writeFileSync(bad, JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { id: 'x', name: 'x', level: 'city' }, geometry: { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1]]] } }] }));
    const run = await gridsweep(join(dir, 'data2'), 'import', 'areas', bad, '--quiet');
    expect(run.code).toBe(1);
    expect((JSON.parse(run.stdout) as { problems: unknown[] }).problems).toEqual([{ row: 0, column: 'geometry', value: 'Polygon', reason: 'a ring needs at least 4 positions' }]);
    expect((await gridsweep(join(dir, 'data2'), 'import', 'roster', bad)).code).toBe(2);
  }, 120_000);
});
