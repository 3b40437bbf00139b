import { XLSX_TYPE } from '@gridsweep/contract';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, type SignedIn } from '../support/accounts.js';
import { DIALECTS } from '../support/dialects.js';
import { smallTerritory } from '../support/small-territory.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { zipOf } from '../support/zip-writer.js';
import { GBK, layerMembers, nestedRecords } from './shapefile-files.js';

const ROSTER = '楼栋,单元,房号,姓名,手机号,特殊人群\n1号楼,1,101,张三,13800000001,独居老人\n1号楼,2,501,新住户,13900000009,孕妇、慢性病\n';

describe.each(DIALECTS)('imports over HTTP on $name', (dialect) => {
  let server: TestServer;
  let supervisorA: SignedIn;
  beforeAll(async () => {
    server = await startTestServer(dialect, { territory: smallTerritory(), access: { rateLimitPerMinute: 0 } });
    supervisorA = await signIn(server.app, 'supervisor-a', 'supervisor', { kind: 'areas', areaIds: ['mg1'] });
  }, 60_000);
  afterAll(async () => server.close());

  const upload = (headers: Record<string, string>, query: string, body: string | Buffer, type = 'text/csv') =>
    server.app.inject({ method: 'POST', url: `/api/v1/imports${query}`, headers: { ...headers, 'content-type': type }, payload: body });
  const run = (headers: Record<string, string>, importId: string, step: 'preview' | 'commit', body: object = {}) =>
    server.app.inject({ method: 'POST', url: `/api/v1/imports/${importId}/${step}`, headers, payload: body });

  it('uploads a roster, previews it without writing, then commits it into the database and the live counts', async () => {
    const sent = await upload(supervisorA.auth, '?kind=roster&fileName=roster.csv&areaId=mg1', ROSTER);
    expect(sent.statusCode, sent.body).toBe(201);
    const { importId } = sent.json<{ importId: string }>();
    const sizeBefore = server.app.roster.territory.size;
    const preview = await run(supervisorA.auth, importId, 'preview');
    expect(preview.json()).toMatchObject({ dryRun: true, committed: false, households: { add: 1, leave: 1 }, members: { add: 1, change: 1 }, problemCount: 0 });
    expect(server.app.roster.territory.size).toEqual(sizeBefore);
    const commit = await run(supervisorA.auth, importId, 'commit');
    expect(commit.json()).toMatchObject({ committed: true, households: { add: 1 }, members: { add: 1, change: 1 } });
    expect(server.app.roster.territory.size).toMatchObject({ households: sizeBefore.households + 1, members: sizeBefore.members + 1 });
    const stored = await server.app.storage.db.selectFrom('members').select(['phone', 'tags']).where('name', '=', '新住户').executeTakeFirstOrThrow();
    expect(stored).toEqual({ phone: '13900000009', tags: ['pregnant', 'chronic'] });
    const audit = await server.app.storage.db.selectFrom('audit_log').select(['action', 'actor_id']).where('action', 'like', 'import.%').orderBy('seq').execute();
    expect(audit.map((a) => a.action)).toEqual(['import.upload', 'import.preview', 'import.roster', 'import.commit']);
  });

  it('lets a supervisor of micro-grid A import nothing into B: not a roster, not areas, not buildings', async () => {
    const before = await rows();
    expect((await upload(supervisorA.auth, '?kind=roster&fileName=roster.csv&areaId=mg2', ROSTER)).statusCode).toBe(404);
    const areas = await upload(supervisorA.auth, '?kind=areas&fileName=a.csv&parentId=mg2', '编码,名称,级别\nx1,新网格,微网格\n');
    expect(areas.statusCode).toBe(404);
    const aboveA = await upload(supervisorA.auth, '?kind=areas&fileName=a.csv', '编码,名称,级别,上级编码\nx1,新微网格,微网格,g\n');
    const refused = await run(supervisorA.auth, aboveA.json<{ importId: string }>().importId, 'commit');
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ code: 'OUT_OF_SCOPE' });
    const buildings = await upload(supervisorA.auth, '?kind=buildings&fileName=b.csv', '楼栋,单元数,楼层数,微网格编码\n9号楼,1,6,mg2\n');
    expect((await run(supervisorA.auth, buildings.json<{ importId: string }>().importId, 'preview')).statusCode).toBe(403);
    expect(await rows()).toEqual(before);
  });

  it("keeps an upload to the account that sent it, and names a problem's row, column and reason", async () => {
    const sent = await upload(server.auth, '?kind=roster&fileName=bad.csv&areaId=mg1', '楼栋,单元,房号,姓名,手机号\n1号楼,1,101,张三,not a phone\n');
    const { importId } = sent.json<{ importId: string }>();
    expect((await run(supervisorA.auth, importId, 'preview')).json()).toMatchObject({ code: 'IMPORT_NOT_FOUND' });
    const report = (await run(server.auth, importId, 'commit')).json<{ committed: boolean; problems: unknown[] }>();
    expect(report.committed).toBe(false);
    expect(report.problems).toEqual([{ row: 2, column: '手机号', value: 'not a phone', reason: 'must be a phone number' }]);
  });

  it("previews a GeoJSON of areas with one outline out of its parent's as a problem at that feature, and commits nothing", async () => {
    const ring = (west: number, south: number) => [[west, south], [west + 0.005, south], [west + 0.005, south + 0.005], [west, south + 0.005], [west, south]];
    const feature = (code: string, name: string, west: number, south: number) => ({ type: 'Feature', properties: { code, name }, geometry: { type: 'Polygon', coordinates: [ring(west, south)] } });
    // The grid has no outline: the city's (119.2–119.4, 26.0–26.2) is the one both micro-grids must lie inside.
    const file = JSON.stringify({ type: 'FeatureCollection', features: [feature('mg8', '界内微网格', 119.35, 26.15), feature('mg9', '出界微网格', 119.398, 26.15)] });
    const sent = await upload(server.auth, '?kind=areas&fileName=areas.geojson&parentId=g&level=microgrid', file, 'application/geo+json');
    expect(sent.statusCode, sent.body).toBe(201);
    const { importId } = sent.json<{ importId: string }>();
    const before = await rows();
    const preview = await run(server.auth, importId, 'preview');
    expect(preview.statusCode).toBe(200);
    expect(preview.json()).toMatchObject({
      committed: false,
      problemCount: 1,
      problems: [{ row: 1, column: 'geometry', value: 'Polygon', reason: expect.stringMatching(/^feature mg9 \(出界微网格\): 60\.0% of its outline lies outside that of 福州市 \(c\); at most 1\.0% may$/) as string }],
    });
    const commit = await run(server.auth, importId, 'commit');
    expect(commit.json()).toMatchObject({ committed: false, problemCount: 1 });
    expect(await rows()).toEqual(before);
    expect(server.app.roster.territory.area('mg8')).toBeUndefined();
  });

  it('imports areas from a zipped Shapefile uploaded as application/zip, and refuses a zip as a roster', async () => {
    const zip = zipOf(layerMembers('福州', nestedRecords(true), GBK));
    const sent = await upload(server.auth, '?kind=areas&fileName=%E7%A6%8F%E5%B7%9E.zip', zip, 'application/zip');
    expect(sent.statusCode, sent.body).toBe(201);
    const { importId } = sent.json<{ importId: string }>();
    expect((await run(server.auth, importId, 'preview')).json()).toMatchObject({ dryRun: true, areas: { add: 5 }, problemCount: 0 });
    expect((await run(server.auth, importId, 'commit')).json()).toMatchObject({ committed: true, areas: { add: 5 } });
    expect(server.app.roster.territory.area('350102001')).toMatchObject({ name: '东街街道', parentId: '350102' });
    const roster = await upload(server.auth, '?kind=roster&fileName=r.zip&areaId=mg1', zip, 'application/zip');
    expect(roster.statusCode).toBe(400);
    expect(roster.json()).toMatchObject({ code: 'VALIDATION_FAILED', issues: [{ field: 'fileName', reason: 'a zipped Shapefile imports areas only' }] });
  });

  it('serves a roster template whose headers an import reads', async () => {
    const response = await server.app.inject({ method: 'GET', url: '/api/v1/imports/roster-template.xlsx', headers: supervisorA.auth });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain(XLSX_TYPE);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets[0]!.getRow(1).values).toEqual([undefined, '小区', '楼栋', '单元', '房号', '楼层', '姓名', '手机号', '出生年份', '特殊人群', '是否空置']);
  });

  async function rows() {
    const { db } = server.app.storage;
    const count = async (table: 'areas' | 'buildings' | 'households' | 'members') => Number((await db.selectFrom(table).select(db.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    return { areas: await count('areas'), buildings: await count('buildings'), households: await count('households'), members: await count('members') };
  }
});
