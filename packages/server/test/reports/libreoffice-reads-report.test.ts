import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/dialects.js';
import { smallTerritory } from '../support/small-territory.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { countsOf, sweepSomeDoors } from './export-fixture.js';

// The XLSX is read back by a reader that is not its writer's: LibreOffice
// (Debian's libreoffice-calc-nogui) converts every sheet to CSV. Without
// soffice the test is skipped and says so, unless GRIDSWEEP_REQUIRE_BROWSER=1
// (as CI sets it) makes a missing reader a failure.
const SOFFICE = '/usr/bin/soffice';
const required = process.env.GRIDSWEEP_REQUIRE_BROWSER === '1';
const missing = existsSync(SOFFICE) ? null : `no LibreOffice at ${SOFFICE} (apt-get install libreoffice-calc-nogui, or set GRIDSWEEP_REQUIRE_BROWSER=1 to make this a failure)`;
if (missing && !required) console.warn(`skipped: the XLSX report read back by LibreOffice: ${missing}`);

/** LibreOffice's CSV filter: comma, double quote, UTF-8 (76), from line 1, cells as shown, every sheet (-1) to its own file. */
const CSV_FILTER = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1';

describe.skipIf(missing !== null && !required)(`the daily report XLSX read back by LibreOffice${missing ? ` (${missing})` : ''}`, () => {
  let server: TestServer;
  let dir: string;

  beforeAll(async () => {
    if (missing) throw new Error(`GRIDSWEEP_REQUIRE_BROWSER=1 but ${missing}`);
    server = await startTestServer(DIALECTS[0]!, { territory: smallTerritory() });
    await sweepSomeDoors(server);
    dir = await mkdtemp(join(tmpdir(), 'gridsweep-soffice-'));
  }, 60_000);
  afterAll(async () => {
    await server?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('holds, sheet by sheet, the counts and rates the counts API answers', async () => {
    const response = await server.app.inject({ method: 'GET', url: '/api/v1/rounds/r1/areas/d/report?format=xlsx', headers: server.auth });
    expect(response.statusCode).toBe(200);
    await writeFile(join(dir, 'report.xlsx'), response.rawPayload);
    // A profile of its own: another soffice running on the machine does not swallow this conversion.
    const profile = pathToFileURL(join(dir, 'profile')).href;
    await promisify(execFile)(SOFFICE, [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', CSV_FILTER, '--outdir', dir, join(dir, 'report.xlsx')], { timeout: 120_000 });

    const files = (await readdir(dir)).filter((name) => name.endsWith('.csv'));
    expect(files.sort()).toEqual(['report-区.csv', 'report-街道.csv', 'report-社区.csv', 'report-网格.csv', 'report-微网格.csv'].sort());
    const lines = (await readFile(join(dir, 'report-微网格.csv'), 'utf8')).trimEnd().split(/\r?\n/).map((line) => line.split(','));
    const header = lines[0]!;
    const at = (name: string) => header.indexOf(name);
    for (const areaId of ['mg1', 'mg2', 'd']) {
      const row = areaId === 'd' ? lines[lines.length - 1]! : lines.find((cells) => cells[1] === areaId)!;
      const { counts, figures } = await countsOf(server, 'r1', areaId);
      expect(row[at('应入户数')], areaId).toBe(String(counts.households.toVisit));
      expect(row[at('已入户')], areaId).toBe(String(counts.households.visited));
      expect(row[at('拒绝')], areaId).toBe(String(counts.households.refused));
      expect(row[at('已检测')], areaId).toBe(String(counts.members.done));
      expect(row[at('外出')], areaId).toBe(String(counts.members.away));
      expect(row[at('红码')], areaId).toBe(String(counts.markers.red));
      expect(row[at('黄码')], areaId).toBe(String(counts.markers.yellow));
      expect(row[at('独居老人未入户')], areaId).toBe(String(counts.specialGroups.elderly_alone!.notVisited));
      // The rates as LibreOffice shows them are the dashboard's text: 覆盖率 45.4% = ...
      expect(row[at('覆盖率')], areaId).toBe(figures.shares.coverage!.text.zh.split(' ')[1]);
      expect(row[at('检测率')], areaId).toBe(figures.shares.testRate!.text.zh.split(' ')[1]);
    }
  }, 180_000);
});
