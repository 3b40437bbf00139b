import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PERSONAL_DATA, signIn, wallAuth, type SignedIn } from '../support/accounts.js';
import { DIALECTS } from '../support/dialects.js';
import { smallTerritory } from '../support/small-territory.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { countsOf, readXlsx, sweepSomeDoors } from './export-fixture.js';

/** A CSV answer as rows of cells (the ledgers' cells hold no comma). */
const csvRows = (payload: Buffer) =>
  payload
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trimEnd()
    .split('\r\n')
    .map((line) => line.split(','));

describe.each(DIALECTS)('the ledgers on $name', (dialect) => {
  let server: TestServer;
  let supervisorOfA: SignedIn;
  let workerOfA: SignedIn;
  let countsOnly: SignedIn[];

  beforeAll(async () => {
    server = await startTestServer(dialect, { territory: smallTerritory(), access: { rateLimitPerMinute: 0 } });
    await sweepSomeDoors(server);
    supervisorOfA = await signIn(server.app, 'supervisor-a', 'supervisor', { kind: 'areas', areaIds: ['mg1'] });
    workerOfA = await signIn(server.app, 'worker-a', 'worker', { kind: 'areas', areaIds: ['mg1'] });
    countsOnly = [await signIn(server.app, 'commander', 'commander', { kind: 'everything' }), wallAuth(server.app)];
  }, 60_000);
  afterAll(async () => server.close());

  const ledger = (who: { readonly auth: { readonly authorization: string } }, roundId: string, areaId: string, kind: string, body: object = { format: 'csv' }) =>
    server.app.inject({ method: 'POST', url: `/api/v1/rounds/${roundId}/areas/${areaId}/ledgers/${kind}`, headers: who.auth, payload: body });

  it('lists the special-group members of an area, masked, with whether their household was visited, as the counts count them', async () => {
    const response = await ledger(server, 'r1', 'g', 'special-groups');
    expect(response.statusCode).toBe(200);
    const [header, ...rows] = csvRows(response.rawPayload);
    expect(header).toEqual(['上级区域', '微网格', '楼栋', '单元', '房号', '姓名', '电话', '特殊人群', '入户结果', '是否入户', '核酸检测']);
    const groups = (await countsOf(server, 'r1', 'g')).counts.specialGroups.elderly_alone!;
    expect(rows).toHaveLength(groups.total);
    expect(rows.filter((row) => row[9] === '否')).toHaveLength(groups.notVisited);
    expect(rows.every((row) => row[5] === '张*' && row[6] === '138****0000' && row[7] === '独居老人')).toBe(true);
    expect(rows.find((row) => row[1] === '微网格一' && row[2] === '1号楼' && row[4] === '101')).toEqual(['网格一', '微网格一', '1号楼', '1', '101', '张*', '138****0000', '独居老人', '已入户', '是', '已检测']);
    for (const secret of PERSONAL_DATA) expect(response.body).not.toContain(secret);
  });

  it('lists the households still to visit (the mop-up list): every household to visit that is not visited', async () => {
    const response = await ledger(server, 'r1', 'mg1', 'not-visited', { format: 'xlsx' });
    expect(response.statusCode).toBe(200);
    const { sheets } = await readXlsx(response.rawPayload);
    const [header, ...rows] = sheets.get('未入户清单')!;
    expect(header).toEqual(['上级区域', '微网格', '楼栋', '单元', '房号', '门牌', '户内人数', '入户结果', '联系人', '电话']);
    const { households } = (await countsOf(server, 'r1', 'mg1')).counts;
    expect(rows).toHaveLength(households.toVisit - households.visited);
    expect(rows.filter((row) => row[7] === '拒绝')).toHaveLength(households.refused);
    expect(rows.filter((row) => row[7] === '未走访')).toHaveLength(households.toVisit - households.visited - households.refused - households.noAnswer);
  });

  it("lists the members whose marker warns or alerts: red and yellow codes in a test round, home-vaccination requests in a census", async () => {
    const codes = csvRows((await ledger(server, 'r1', 'mg1', 'markers')).rawPayload);
    expect(codes[0]).toContain('健康码');
    const { markers } = (await countsOf(server, 'r1', 'mg1')).counts;
    expect(codes.slice(1).map((row) => row[7]).sort()).toEqual([...Array<string>(markers.red!).fill('红码'), ...Array<string>(markers.yellow!).fill('黄码')].sort());

    const census = await ledger(server, 'r2', 'g', 'markers', { format: 'xlsx' });
    const disposition = String(census.headers['content-disposition']);
    expect(decodeURIComponent(disposition.split("UTF-8''")[1]!)).toMatch(/^老年人疫苗接种摸排-网格一-上门接种意愿台账（希望上门接种）-/);
    const { sheets } = await readXlsx(census.rawPayload);
    const [, ...requests] = [...sheets.values()][0]!;
    expect(requests).toHaveLength((await countsOf(server, 'r2', 'g')).counts.markers.wants!);
    expect(requests[0]!.slice(7)).toEqual(['希望上门接种', '1剂', '是']);
  });

  it('shows names and phones in full to a supervisor who gives a reason, and keeps the reason in the audit log', async () => {
    const response = await ledger(supervisorOfA, 'r1', 'mg1', 'special-groups', { format: 'csv', reveal: true, reason: '今晚电话回访独居老人' });
    expect(response.statusCode).toBe(200);
    const rows = csvRows(response.rawPayload).slice(1);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((row) => row[5] === '张三' && row[6] === '13800000000')).toBe(true);
    const [entry] = await server.app.access.audit.recent({ limit: 1 });
    expect(entry).toMatchObject({ actorRole: 'supervisor', action: 'ledger.export', target: 'ledger:r1/mg1/special-groups', reason: '今晚电话回访独居老人', detail: { revealed: true } });
  });

  it('refuses a reveal without a reason (400 naming it) or by a role that may not reveal (403), and audits a masked export without a reason', async () => {
    const noReason = await ledger(supervisorOfA, 'r1', 'mg1', 'special-groups', { reveal: true });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json()).toMatchObject({ code: 'VALIDATION_FAILED', issues: [{ field: 'reason' }] });
    const worker = await ledger(workerOfA, 'r1', 'mg1', 'special-groups', { reveal: true, reason: '想看看完整名单' });
    expect(worker.statusCode).toBe(403);
    const masked = await ledger(workerOfA, 'r1', 'mg1', 'not-visited');
    expect(masked.statusCode).toBe(200);
    for (const secret of PERSONAL_DATA) expect(masked.body).not.toContain(secret);
    const [entry] = await server.app.access.audit.recent({ limit: 1 });
    expect(entry).toMatchObject({ action: 'ledger.export', target: 'ledger:r1/mg1/not-visited', reason: null, detail: { revealed: false } });
  });

  it('gives counts-only roles (commander, wall) the report but no ledger', async () => {
    for (const account of countsOnly) {
      expect((await ledger(account, 'r1', 'g', 'special-groups')).statusCode).toBe(403);
      const report = await server.app.inject({ method: 'GET', url: '/api/v1/rounds/r1/areas/g/report?format=csv', headers: account.auth });
      expect(report.statusCode).toBe(200);
    }
  });

  it('keeps a supervisor of micro-grid A from exporting B, or the grid above that holds B: 404 as if they did not exist', async () => {
    for (const areaId of ['mg2', 'g']) {
      const report = await server.app.inject({ method: 'GET', url: `/api/v1/rounds/r1/areas/${areaId}/report?format=csv`, headers: supervisorOfA.auth });
      expect(report.statusCode).toBe(404);
      expect(report.json()).toMatchObject({ code: 'AREA_NOT_FOUND' });
      for (const kind of ['special-groups', 'not-visited', 'markers']) {
        const response = await ledger(supervisorOfA, 'r1', areaId, kind, { format: 'csv', reveal: true, reason: '越权尝试' });
        expect(response.statusCode, `${kind} of ${areaId}`).toBe(404);
      }
    }
    expect((await server.app.inject({ method: 'GET', url: '/api/v1/rounds/r1/areas/mg1/report?format=csv', headers: supervisorOfA.auth })).statusCode).toBe(200);
  });
});
