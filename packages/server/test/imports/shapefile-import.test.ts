import gcoordModule from 'gcoord';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStorage, type Storage } from '../../src/db/open-database.js';
import { importAreas, type AreasImportOptions } from '../../src/imports/areas-import.js';
import { DIALECTS } from '../support/dialects.js';
import type { Ring } from '../support/shapefile-writer.js';
import { zipOf } from '../support/zip-writer.js';
import { writeXlsx } from './import-files.js';
import { FIELDS, GBK, layerMembers, nestedRecords } from './shapefile-files.js';

type Gcoord = typeof gcoordModule.default;
const gcoord: Gcoord = 'transform' in gcoordModule ? (gcoordModule as unknown as Gcoord) : gcoordModule.default;

describe.each(DIALECTS)('area import from a zipped Shapefile on $name', (dialect) => {
  let storage: Storage;
  let dispose: () => Promise<void>;
  let dir: string;
  beforeEach(async () => {
    const fresh = await dialect.fresh();
    dispose = fresh.dispose;
    storage = await openStorage(fresh.options);
    dir = mkdtempSync(join(tmpdir(), 'gridsweep-shapefile-'));
  });
  afterEach(async () => {
    await storage.close();
    await dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  const zip = (name: string, members: Parameters<typeof zipOf>[0]): string => {
    const path = join(dir, name);
    writeFileSync(path, zipOf(members));
    return path;
  };
  const run = (path: string, overrides: Partial<AreasImportOptions> = {}) => importAreas(storage.db, { path, dryRun: false, actor: { id: 'u-admin', role: 'admin' }, ...overrides });
  const tree = async () => (await storage.db.selectFrom('areas').select(['id', 'parent_id', 'level', 'name']).orderBy('id').execute()).map((a) => [a.id, a.parent_id, a.level, a.name]);
  const EXPECTED_TREE = [
    ['3501', null, 'city', '福州市'],
    ['350102', '3501', 'district', '鼓楼区'],
    ['350102001', '350102', 'street', '东街街道'],
    ['350102001001', '350102001', 'community', '东街社区'],
    ['350102001002', '350102001', 'community', '南街社区'],
  ];

  it('imports nested areas from a GBK .dbf without a .cpg, finding parents by containment, with their Chinese names intact', async () => {
    const { report } = await run(zip('福州.zip', layerMembers('福州', nestedRecords(false), GBK)));
    expect(report.problems).toEqual([]);
    expect(report).toMatchObject({ committed: true, areas: { add: 5, change: 0, leave: 0 }, withoutOutline: 0 });
    expect(await tree()).toEqual(EXPECTED_TREE);
  });

  it('stores outlines wound as GeoJSON has them (outer ring counter-clockwise), not the Shapefile way', async () => {
    await run(zip('a.zip', layerMembers('a', nestedRecords(true), GBK)));
    const street = await storage.db.selectFrom('areas').select('geometry').where('id', '=', '350102001').executeTakeFirstOrThrow();
    const ring = (street.geometry as { coordinates: number[][][] }).coordinates[0]!;
    const twiceArea = ring.slice(1).reduce((sum, p, i) => sum + (ring[i]![0]! * p[1]! - p[0]! * ring[i]![1]!), 0);
    expect(twiceArea).toBeGreaterThan(0);
  });

  it('reads several layers of one zip, each in the code page its .cpg names, with parents named by a PCODE field', async () => {
    const records = nestedRecords(true);
    const members = [
      ...layerMembers('区县', records.slice(3), GBK, '936'),
      ...layerMembers('街道社区', records.slice(0, 3), { fields: FIELDS, encoding: 'utf8' }, 'UTF-8'),
    ];
    const { report } = await run(zip('layers.zip', members));
    expect(report.problems).toEqual([]);
    expect(await tree()).toEqual(EXPECTED_TREE);
  });

  it('takes the code page from the .dbf language driver byte when there is no .cpg', async () => {
    const { report } = await run(zip('ldid.zip', layerMembers('a', nestedRecords(true), { ...GBK, languageDriver: 0x4d })));
    expect(report.problems).toEqual([]);
    expect(await tree()).toEqual(EXPECTED_TREE);
  });

  it('imports a null shape as an area without an outline', async () => {
    const records = nestedRecords(true);
    records[1] = { ...records[1]!, rings: null };
    const { report } = await run(zip('null.zip', layerMembers('a', records, GBK)));
    expect(report).toMatchObject({ committed: true, problemCount: 0, areas: { add: 5 }, withoutOutline: 1 });
    const community = await storage.db.selectFrom('areas').select(['parent_id', 'geometry']).where('id', '=', '350102001002').executeTakeFirstOrThrow();
    expect(community).toEqual({ parent_id: '350102001', geometry: null });
  });

  it('converts a GCJ-02 Shapefile to WGS 84 positions', async () => {
    const records = nestedRecords(false).map((r) => ({ ...r, rings: r.rings!.map((ring) => ring.map((p) => gcoord.transform<[number, number]>([p[0], p[1]], gcoord.WGS84, gcoord.GCJ02))) }));
    const { report } = await run(zip('gcj.zip', layerMembers('gcj', records, GBK)), { crs: 'gcj02' });
    expect(report.problems).toEqual([]);
    const street = await storage.db.selectFrom('areas').select(['parent_id', 'geometry']).where('id', '=', '350102001').executeTakeFirstOrThrow();
    expect(street.parent_id).toBe('350102');
    const positions = (street.geometry as { coordinates: number[][][] }).coordinates[0]!;
    expect(positions).toContainEqual([expect.closeTo(119.3, 5), expect.closeTo(26.08, 5)]);
  });

  it('knows a zipped Shapefile by its bytes whatever the upload was named', async () => {
    const { report } = await run(zip('upload-3f2a', layerMembers('a', nestedRecords(true), GBK)), { fileName: 'boundaries' });
    expect(report).toMatchObject({ committed: true, areas: { add: 5 } });
  });

  it('tells an XLSX code list from a zipped Shapefile, though both are zips, whatever the upload was named', async () => {
    const path = join(dir, 'upload-77c1');
    await writeXlsx(path, [['编码', '名称', '级别', '上级编码'], ['3501', '福州市', '市', ''], ['350102', '鼓楼区', '区', '3501']]);
    const { report } = await run(path, { fileName: 'codes' });
    expect(report).toMatchObject({ committed: true, problemCount: 0, areas: { add: 2 }, withoutOutline: 2 });
  });

  it('reports a crossing outline and an empty name by feature index and property, and writes nothing', async () => {
    const records = nestedRecords(true);
    const bowtie: Ring = [[119.301, 26.081], [119.305, 26.085], [119.305, 26.081], [119.301, 26.085], [119.301, 26.081]];
    records[0] = { ...records[0]!, properties: { ...records[0]!.properties, NAME: '' } };
    records[1] = { ...records[1]!, rings: [bowtie] };
    const { report } = await run(zip('bad.zip', layerMembers('a', records, GBK)));
    expect(report.committed).toBe(false);
    expect(report.problems).toEqual([
      { row: 0, column: 'NAME', value: '', reason: 'the name is empty' },
      { row: 1, column: 'geometry', value: 'Polygon', reason: expect.stringMatching(/^the outline crosses itself near/) as string },
    ]);
    expect(await tree()).toEqual([]);
  });

  it('reports a .shp cut short instead of importing the shapes before the cut', async () => {
    const members = layerMembers('a', nestedRecords(true), GBK);
    const shp = members[0]!;
    members[0] = { ...shp, bytes: shp.bytes.subarray(0, shp.bytes.length - 20) };
    const { report } = await run(zip('cut.zip', members));
    expect(report.problems).toEqual([{ row: 0, column: 'a.shp', value: '', reason: 'holds 4 shapes but a.dbf holds 5 records: one of the two is cut short or belongs to another layer' }]);
    expect(await tree()).toEqual([]);
  });

  it('reports a zip without a .dbf, and a file that is not a zip at all', async () => {
    const withoutDbf = layerMembers('a', nestedRecords(true), GBK).filter((m) => !m.name.endsWith('.dbf'));
    expect((await run(zip('nodbf.zip', withoutDbf))).report.problems).toEqual([
      { row: 0, column: 'a.dbf', value: '', reason: 'a.shp has no .dbf beside it, and the names and codes of its areas are in the .dbf' },
    ]);
    const notZip = join(dir, 'not.zip');
    writeFileSync(notZip, 'plain text');
    expect((await run(notZip)).report.problems).toEqual([{ row: 0, column: '', value: '', reason: 'is not a zip archive: zip the .shp, .shx, .dbf, .prj (and .cpg) files together' }]);
    expect(await tree()).toEqual([]);
  });
});
