import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStorage, type Storage } from '../../src/db/open-database.js';
import { importBuildings, type BuildingsImportOptions } from '../../src/imports/buildings-import.js';
import { TerritoryRepository } from '../../src/repositories/territory-repository.js';
import { DIALECTS } from '../support/dialects.js';
import { smallTerritory } from '../support/small-territory.js';
import { writeXlsx } from './import-files.js';

describe.each(DIALECTS)('building import on $name', (dialect) => {
  let storage: Storage;
  let dispose: () => Promise<void>;
  let dir: string;
  beforeEach(async () => {
    const fresh = await dialect.fresh();
    dispose = fresh.dispose;
    storage = await openStorage(fresh.options);
    await new TerritoryRepository(storage.db).load({ areas: smallTerritory().areas });
    dir = mkdtempSync(join(tmpdir(), 'gridsweep-buildings-'));
  });
  afterEach(async () => {
    await storage.close();
    await dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  const run = (path: string, overrides: Partial<BuildingsImportOptions> = {}) => importBuildings(storage.db, { path, dryRun: false, actor: { id: 'u-admin', role: 'admin' }, ...overrides });
  const stored = async () => (await storage.db.selectFrom('buildings').select(['id', 'area_id', 'name', 'units', 'floors']).orderBy('id').execute()).map((b) => [b.id, b.area_id, b.name, b.units, b.floors]);

  it('places GeoJSON points in the micro-grid whose outline holds them, and the same file twice changes nothing', async () => {
    const path = join(dir, 'b.geojson');
    const point = (id: string, name: string, lon: number) => ({ type: 'Feature', properties: { id, name, units: 2, floors: 6 }, geometry: { type: 'Point', coordinates: [lon, 26.105] } });
    writeFileSync(path, JSON.stringify({ type: 'FeatureCollection', features: [point('b1', '1号楼', 119.305), point('b2', '2号楼', 119.315)] }));
    expect((await run(path)).report).toMatchObject({ committed: true, buildings: { add: 2 } });
    expect(await stored()).toEqual([
      ['b1', 'mg1', '1号楼', 2, 6],
      ['b2', 'mg2', '2号楼', 2, 6],
    ]);
    expect((await run(path)).report).toMatchObject({ committed: true, buildings: { add: 0, change: 0, leave: 2 } });
  });

  it('reads an XLSX of buildings with coordinates or a named micro-grid, and reports a bad row without writing', async () => {
    const path = join(dir, 'b.xlsx');
    await writeXlsx(path, [
      ['楼栋', '单元数', '楼层数', '微网格编码', '经度', '纬度'],
      ['3号楼', 2, 11, 'mg2', '', ''],
      ['4号楼', 1, 'six', '', 119.305, 26.105],
      ['5号楼', 1, 5, '', 120, 30],
    ]);
    const { report } = await run(path);
    expect(report.problems).toEqual([
      { row: 3, column: '楼层数', value: 'six', reason: 'must be a whole number from 1 to 200' },
      { row: 4, column: '微网格编码', value: '', reason: 'no micro-grid holds its position; name one' },
    ]);
    expect(await stored()).toEqual([]);
  });
});
