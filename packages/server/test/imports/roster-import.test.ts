import { NUCLEIC_ACID_TEMPLATE } from '@gridsweep/core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStorage, type Storage } from '../../src/db/open-database.js';
import { importRoster, type RosterImportOptions } from '../../src/imports/roster-import.js';
import { TerritoryRepository } from '../../src/repositories/territory-repository.js';
import { DIALECTS } from '../support/dialects.js';
import { smallTerritory } from '../support/small-territory.js';
import { writeCsv, writeXlsx } from './import-files.js';

const HEADERS = ['小区', '楼栋', '单元', '房号', '姓名', '手机号', '出生年份', '特殊人群'];
const ROWS = [
  HEADERS,
  ['微网格一', '1号楼', '1', '101', '王芳', '13900000001', '1948', '独居老人、慢性病'],
  ['微网格一', '1号楼', '1', '101', '陈明', '13900000002', '1975', ''],
  ['微网格一', '1号楼', '1', '102', '林红', '', '1990', '孕妇'],
  ['微网格二', '2栋', '2单元', '301', '黄伟', '13900000004', '2019-05-01', '婴幼儿'],
];

describe.each(DIALECTS)('roster import on $name', (dialect) => {
  let storage: Storage;
  let dispose: () => Promise<void>;
  let dir: string;
  beforeEach(async () => {
    const fresh = await dialect.fresh();
    dispose = fresh.dispose;
    storage = await openStorage(fresh.options);
    const { areas, buildings } = smallTerritory();
    await new TerritoryRepository(storage.db).load({ areas, buildings });
    dir = mkdtempSync(join(tmpdir(), 'gridsweep-roster-'));
  });
  afterEach(async () => {
    await storage.close();
    await dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  const run = (path: string, overrides: Partial<RosterImportOptions> = {}) =>
    importRoster(storage.db, { path, areaId: 'cm', groups: NUCLEIC_ACID_TEMPLATE.specialGroups, dryRun: false, actor: { id: 'u-admin', role: 'admin' }, thisYear: 2026, ...overrides });
  const members = () => storage.db.selectFrom('members').select(['id', 'name', 'phone', 'birth_year', 'tags', 'household_id']).orderBy('name').execute();

  it('imports a roster XLSX with Chinese headers, grouping members into households by building, unit and room', async () => {
    const path = join(dir, '花名册.xlsx');
    await writeXlsx(path, ROWS);
    const { report } = await run(path);
    expect(report).toMatchObject({ committed: true, rows: 4, problemCount: 0, households: { add: 3, change: 0, leave: 0, missing: 0 }, members: { add: 4 } });
    const households = await storage.db.selectFrom('households').selectAll().orderBy('room').execute();
    expect(households.map((h) => [h.building_id, h.unit, h.floor, h.room])).toEqual([
      ['mg1-b1', 1, 1, '101'],
      ['mg1-b1', 1, 1, '102'],
      ['mg2-b2', 2, 3, '301'],
    ]);
    const wang = (await members()).find((m) => m.name === '王芳')!;
    expect(wang).toMatchObject({ phone: '13900000001', birth_year: 1948, tags: ['elderly_alone', 'chronic'] });
    const audit = await storage.db.selectFrom('audit_log').selectAll().where('action', '=', 'import.roster').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor_id: 'u-admin', target: 'area:cm' });
    expect(audit[0]!.detail).toMatchObject({ file: '花名册.xlsx', households: { add: 3 }, members: { add: 4 } });
  });

  it('imports a GB18030 CSV, as Excel on a Chinese Windows saves it, and a UTF-8 CSV with a BOM', async () => {
    const gb = join(dir, 'gb.csv');
    writeCsv(gb, ROWS, 'gb18030');
    expect((await run(gb)).report).toMatchObject({ committed: true, members: { add: 4 } });
    expect((await members()).map((m) => m.name)).toEqual(['林红', '王芳', '陈明', '黄伟'].sort());
    const bom = join(dir, 'bom.csv');
    writeCsv(bom, ROWS, 'utf8', true);
    expect((await run(bom, { dryRun: true })).report).toMatchObject({ problemCount: 0, members: { add: 0, change: 0, leave: 4 } });
  });

  it('changes nothing when the same file is imported twice', async () => {
    const path = join(dir, 'roster.xlsx');
    await writeXlsx(path, ROWS);
    await run(path);
    const before = await members();
    const { report } = await run(path);
    expect(report).toMatchObject({ committed: true, households: { add: 0, change: 0, leave: 3 }, members: { add: 0, change: 0, leave: 4 } });
    expect(await members()).toEqual(before);
  });

  it('updates the one member whose phone changed', async () => {
    await writeXlsx(join(dir, 'a.xlsx'), ROWS);
    await run(join(dir, 'a.xlsx'));
    const before = await members();
    const changed = ROWS.map((row) => (row[4] === '陈明' ? row.map((cell, i) => (i === 5 ? '13700000009' : cell)) : row));
    await writeXlsx(join(dir, 'b.xlsx'), changed);
    const { report } = await run(join(dir, 'b.xlsx'));
    expect(report.members).toEqual({ add: 0, change: 1, leave: 3 });
    const after = await members();
    expect(after.filter((m, i) => JSON.stringify(m) !== JSON.stringify(before[i]))).toEqual([{ ...before.find((m) => m.name === '陈明')!, phone: '13700000009' }]);
  });

  it('writes nothing on a dry run, yet counts what it would add', async () => {
    const path = join(dir, 'roster.csv');
    writeCsv(path, ROWS);
    const { report } = await run(path, { dryRun: true });
    expect(report).toMatchObject({ dryRun: true, committed: false, households: { add: 3 }, members: { add: 4 } });
    expect(await members()).toEqual([]);
    expect(await storage.db.selectFrom('households').select('id').execute()).toEqual([]);
    expect(await storage.db.selectFrom('audit_log').select('seq').execute()).toEqual([]);
  });

  it('names the row, column, value and reason of every problem, and writes nothing when there is one', async () => {
    const path = join(dir, 'bad.csv');
    writeCsv(path, [...ROWS, ['微网格一', '9号楼', '1', '101', '赵六', '', '', ''], ['微网格一', '1号楼', '1', '201', '钱七', 'call me', '1960', '外星人']]);
    const { report } = await run(path);
    expect(report.committed).toBe(false);
    expect(report.problems).toEqual([
      { row: 6, column: '楼栋', value: '9号楼', reason: 'no building called 9号楼 in the area imported into' },
      { row: 7, column: '手机号', value: 'call me', reason: 'must be a phone number' },
      { row: 7, column: '特殊人群', value: '外星人', reason: '外星人 is not a special group; the groups are 独居老人、残疾人、孕妇、长期卧床、婴幼儿、慢性病、其他' },
    ]);
    expect(await members()).toEqual([]);
  });

  it('reports stored households the new file leaves out, and deletes none', async () => {
    await writeXlsx(join(dir, 'a.xlsx'), ROWS);
    await run(join(dir, 'a.xlsx'));
    await writeXlsx(join(dir, 'b.xlsx'), ROWS.slice(0, 3));
    const { report } = await run(join(dir, 'b.xlsx'));
    expect(report.households).toEqual({ add: 0, change: 0, leave: 1, missing: 2 });
    expect(report.missingHouseholds.map((h) => [h.buildingId, h.unit, h.room]).sort()).toEqual([
      ['mg1-b1', 1, '102'],
      ['mg2-b2', 2, '301'],
    ]);
    expect(await storage.db.selectFrom('households').select('id').execute()).toHaveLength(3);
  });

  it('reads a column the user maps by hand, and says which required column is missing', async () => {
    const path = join(dir, 'odd.csv');
    writeCsv(path, [['小区', '楼', '单元', '房号', '户主', '手机号'], ['微网格一', '1号楼', '1', '101', '王芳', '13900000001']]);
    const first = await run(path, { dryRun: true });
    expect(first.report.problems).toEqual([
      { row: 1, column: '楼栋', value: '', reason: 'no column for 楼栋 (building); name it in the mapping' },
      { row: 1, column: '姓名', value: '', reason: 'no column for 姓名 (name); name it in the mapping' },
    ]);
    const corrected = await run(path, { correction: { building: '楼', name: '户主' } });
    expect(corrected.report).toMatchObject({ committed: true, members: { add: 1 }, mapping: { building: '楼', name: '户主', phone: '手机号' } });
  });
});
