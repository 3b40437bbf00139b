import gcoordModule from 'gcoord';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStorage, type Storage } from '../../src/db/open-database.js';
import { importAreas, type AreasImportOptions } from '../../src/imports/areas-import.js';
import { DIALECTS } from '../support/dialects.js';
import { writeCsv } from './import-files.js';

type Gcoord = typeof gcoordModule.default;
const gcoord: Gcoord = 'transform' in gcoordModule ? (gcoordModule as unknown as Gcoord) : gcoordModule.default;

type Ring = [number, number][];
const box = (west: number, south: number, size: number): Ring => [
  [west, south],
  [west + size, south],
  [west + size, south + size],
  [west, south + size],
  [west, south],
];

/** A city, a district inside it, a street inside that, two communities in the street (WGS 84). */
function nestedFeatures(withParents: boolean) {
  const feature = (id: string, name: string, level: string, parent: string, ring: Ring) => ({
    type: 'Feature',
    properties: { code: id, name, level, ...(withParents && parent ? { parentCode: parent } : {}) },
    geometry: { type: 'Polygon', coordinates: [ring] },
  });
  // Children first: the file's order must not matter.
  return [
    feature('350102001001', '东街社区', 'community', '350102001', box(119.301, 26.081, 0.004)),
    feature('350102001002', '南街社区', '社区', '350102001', box(119.306, 26.081, 0.004)),
    feature('350102001', '东街街道', 'street', '350102', box(119.3, 26.08, 0.012)),
    feature('350102', '鼓楼区', 'district', '3501', box(119.28, 26.06, 0.05)),
    feature('3501', '福州市', 'city', '', box(119.2, 26.0, 0.2)),
  ];
}

function toGcj02(features: ReturnType<typeof nestedFeatures>) {
  return features.map((f) => ({ ...f, geometry: { ...f.geometry, coordinates: f.geometry.coordinates.map((ring) => ring.map((p) => gcoord.transform([p[0], p[1]] as [number, number], gcoord.WGS84, gcoord.GCJ02))) } }));
}

describe.each(DIALECTS)('area import on $name', (dialect) => {
  let storage: Storage;
  let dispose: () => Promise<void>;
  let dir: string;
  beforeEach(async () => {
    const fresh = await dialect.fresh();
    dispose = fresh.dispose;
    storage = await openStorage(fresh.options);
    dir = mkdtempSync(join(tmpdir(), 'gridsweep-areas-'));
  });
  afterEach(async () => {
    await storage.close();
    await dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  const geojson = (name: string, features: unknown[]): string => {
    const path = join(dir, name);
    writeFileSync(path, JSON.stringify({ type: 'FeatureCollection', features }));
    return path;
  };
  const run = (path: string, overrides: Partial<AreasImportOptions> = {}) => importAreas(storage.db, { path, dryRun: false, actor: { id: 'u-admin', role: 'admin' }, ...overrides });
  const tree = async () => (await storage.db.selectFrom('areas').select(['id', 'parent_id', 'level', 'name']).orderBy('id').execute()).map((a) => [a.id, a.parent_id, a.level]);
  const EXPECTED_TREE = [
    ['3501', null, 'city'],
    ['350102', '3501', 'district'],
    ['350102001', '350102', 'street'],
    ['350102001001', '350102001', 'community'],
    ['350102001002', '350102001', 'community'],
  ];

  it('imports nested areas from GeoJSON that names each parent, into the right tree', async () => {
    const { report } = await run(geojson('a.geojson', nestedFeatures(true)));
    expect(report).toMatchObject({ committed: true, problemCount: 0, areas: { add: 5, change: 0, leave: 0 } });
    expect(await tree()).toEqual(EXPECTED_TREE);
  });

  it('finds each parent by containment when the GeoJSON names none', async () => {
    const { report } = await run(geojson('a.geojson', nestedFeatures(false)));
    expect(report.problems).toEqual([]);
    expect(await tree()).toEqual(EXPECTED_TREE);
  });

  it('converts a GCJ-02 file to WGS 84 positions, with and without parent properties', async () => {
    for (const withParents of [true, false]) {
      const fresh = await dialect.fresh();
      const other = await openStorage(fresh.options);
      try {
        const { report } = await importAreas(other.db, { path: geojson('gcj.geojson', toGcj02(nestedFeatures(withParents))), crs: 'gcj02', dryRun: false, actor: { id: 'u-admin', role: 'admin' } });
        expect(report.problems).toEqual([]);
        const street = await other.db.selectFrom('areas').select(['parent_id', 'geometry']).where('id', '=', '350102001').executeTakeFirstOrThrow();
        expect(street.parent_id).toBe('350102');
        const [lon, lat] = (street.geometry as { coordinates: number[][][] }).coordinates[0]![0]!;
        expect(lon).toBeCloseTo(119.3, 5);
        expect(lat).toBeCloseTo(26.08, 5);
      } finally {
        await other.close();
        await fresh.dispose();
      }
    }
  });

  it('reports an invalid polygon by its feature index and writes nothing', async () => {
    const features = nestedFeatures(true);
    const bowtie = [[119.301, 26.081], [119.305, 26.085], [119.305, 26.081], [119.301, 26.085], [119.301, 26.081]];
    features[1] = { ...features[1]!, geometry: { type: 'Polygon', coordinates: [bowtie as Ring] } };
    features[0] = { ...features[0]!, geometry: { type: 'Polygon', coordinates: [box(119.301, 26.081, 0.004).slice(0, 4)] } };
    const { report } = await run(geojson('bad.geojson', features));
    expect(report.committed).toBe(false);
    expect(report.problems).toEqual([
      { row: 0, column: 'geometry', value: 'Polygon', reason: 'a ring must end where it starts' },
      { row: 1, column: 'geometry', value: 'Polygon', reason: expect.stringMatching(/^the outline crosses itself near/) as string },
    ]);
    expect(await tree()).toEqual([]);
  });

  it('refuses a child that lies mostly outside its parent, naming the feature by index, id and name', async () => {
    const features = nestedFeatures(true);
    features[0] = { ...features[0]!, geometry: { type: 'Polygon', coordinates: [box(119.4, 26.2, 0.004)] } };
    const { report } = await run(geojson('out.geojson', features));
    expect(report.problems).toEqual([
      { row: 0, column: 'geometry', value: 'Polygon', reason: 'feature 350102001001 (东街社区): 100.0% of its outline lies outside that of 东街街道 (350102001); at most 1.0% may' },
    ]);
    expect(await tree()).toEqual([]);
  });

  it('holds an outline to the nearest ancestor that has one when its parent has none, as the API does', async () => {
    const features = nestedFeatures(true);
    features[2] = { ...features[2]!, geometry: null as never };
    features[1] = { ...features[1]!, geometry: { type: 'Polygon', coordinates: [box(119.32, 26.1, 0.05)] } };
    const { report } = await run(geojson('grandparent.geojson', features));
    expect(report.problems).toEqual([{ row: 1, column: 'geometry', value: 'Polygon', reason: expect.stringMatching(/^feature 350102001002 \(南街社区\): \d+\.\d% of its outline lies outside that of 鼓楼区 \(350102\)/) as string }]);
    expect(await tree()).toEqual([]);
  });

  it('takes a child that sticks out by less than 1 %, and refuses one that sticks out by more', async () => {
    const nudged = (offset: number) => {
      const features = nestedFeatures(true);
      // The street spans 0.012 degrees: a community 0.004 wide moved past its east edge by `offset`.
      features[1] = { ...features[1]!, geometry: { type: 'Polygon', coordinates: [box(119.308 + offset, 26.081, 0.004)] } };
      return features;
    };
    expect((await run(geojson('in.geojson', nudged(0.00002)), { dryRun: true })).report.problems).toEqual([]);
    expect((await run(geojson('out.geojson', nudged(0.0002)), { dryRun: true })).report.problems).toMatchObject([{ row: 1, column: 'geometry' }]);
  });

  it('refuses a redrawn outline that would leave a stored child outside it, and keeps the old one', async () => {
    expect((await run(geojson('a.geojson', nestedFeatures(true)))).report.committed).toBe(true);
    const shrunk = nestedFeatures(true).slice(2);
    shrunk[0] = { ...shrunk[0]!, geometry: { type: 'Polygon', coordinates: [box(119.3, 26.08, 0.005)] } };
    const { report } = await run(geojson('shrunk.geojson', shrunk));
    expect(report.committed).toBe(false);
    expect(report.problems).toEqual([
      { row: 0, column: 'geometry', value: 'Polygon', reason: expect.stringMatching(/^feature 350102001 \(东街街道\): its new outline leaves \d+\.\d% of the stored area 南街社区 \(350102001002\) outside it$/) as string },
    ]);
    const street = await storage.db.selectFrom('areas').select('geometry').where('id', '=', '350102001').executeTakeFirstOrThrow();
    expect(street.geometry).toEqual({ type: 'Polygon', coordinates: [box(119.3, 26.08, 0.012)] });
  });

  it('imports areas without outlines from CSV rows of code, name, level and parent code, and the same file twice changes nothing', async () => {
    const path = join(dir, 'codes.csv');
    writeCsv(path, [['编码', '名称', '级别', '上级编码'], ['3501', '福州市', '市', ''], ['350102', '鼓楼区', '区', '3501'], ['350102001', '东街街道', '', '350102']], 'gb18030');
    expect((await run(path)).report).toMatchObject({ committed: true, areas: { add: 3 }, withoutOutline: 3 });
    expect(await tree()).toEqual(EXPECTED_TREE.slice(0, 3));
    expect((await run(path)).report).toMatchObject({ committed: true, areas: { add: 0, change: 0, leave: 3 } });
  });

  it('writes nothing on a dry run', async () => {
    const { report } = await run(geojson('a.geojson', nestedFeatures(true)), { dryRun: true });
    expect(report).toMatchObject({ committed: false, areas: { add: 5 } });
    expect(await tree()).toEqual([]);
  });
});
