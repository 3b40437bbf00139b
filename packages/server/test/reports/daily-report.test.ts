import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/dialects.js';
import { smallTerritory } from '../support/small-territory.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { countsOf, readXlsx, sweepSomeDoors } from './export-fixture.js';

describe.each(DIALECTS)('the daily report on $name', (dialect) => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer(dialect, { territory: smallTerritory() });
    await sweepSomeDoors(server);
  }, 60_000);
  afterAll(async () => server.close());

  const report = (roundId: string, areaId: string, format: string) =>
    server.app.inject({ method: 'GET', url: `/api/v1/rounds/${roundId}/areas/${areaId}/report?format=${format}`, headers: server.auth });

  it('is an XLSX named in Chinese per RFC 5987, one sheet per level from the area down, with the counts API numbers and a totals row', async () => {
    const response = await report('r1', 'd', 'xlsx');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const disposition = String(response.headers['content-disposition']);
    expect(disposition).toMatch(/^attachment; filename="report-r1-d-\d{4}-\d{2}-\d{2}\.xlsx"; filename\*=UTF-8''/);
    expect(decodeURIComponent(disposition.split("UTF-8''")[1]!)).toMatch(/^11-14 全员核酸-鼓楼区-统计报表-\d{4}-\d{2}-\d{2}\.xlsx$/);

    const { workbook, sheets } = await readXlsx(response.rawPayload);
    expect([...sheets.keys()]).toEqual(['区', '街道', '社区', '网格', '微网格']);
    const microgrids = sheets.get('微网格')!;
    const header = microgrids[0] as string[];
    expect(header.slice(0, 10)).toEqual(['层级', '区域编号', '区域名称', '上级区域', '总户数', '应入户数', '已入户', '无人应答', '拒绝', '空置']);
    expect(header).toEqual(expect.arrayContaining(['总人数', '应检人数', '已检测', '免检', '外出', '绿码', '黄码', '红码', '独居老人', '独居老人未入户', '覆盖率', '检测率', '颜色', '是否无疫']));

    const column = (name: string) => header.indexOf(name);
    for (const areaId of ['mg1', 'mg2']) {
      const row = microgrids.find((cells) => cells[1] === areaId)!;
      const { counts, figures } = await countsOf(server, 'r1', areaId);
      expect(row[column('应入户数')]).toBe(counts.households.toVisit);
      expect(row[column('已入户')]).toBe(counts.households.visited);
      expect(row[column('拒绝')]).toBe(counts.households.refused);
      expect(row[column('外出')]).toBe(counts.members.away);
      expect(row[column('红码')]).toBe(counts.markers.red);
      expect(row[column('独居老人未入户')]).toBe(counts.specialGroups.elderly_alone!.notVisited);
      expect(row[column('覆盖率')]).toBe(Math.floor(figures.shares.coverage!.value! * 1000) / 1000);
    }
    const totals = microgrids[microgrids.length - 1]!;
    const district = await countsOf(server, 'r1', 'd');
    expect(totals[2]).toBe('合计（鼓楼区）');
    expect(totals[column('已入户')]).toBe(district.counts.households.visited);
    expect(totals[column('已检测')]).toBe(district.counts.members.done);
    // The district's own sheet is its one row: no totals row repeats it.
    expect(sheets.get('区')).toHaveLength(2);

    const sheet = workbook.getWorksheet('微网格')!;
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.getRow(microgrids.length).getCell(3).font?.bold).toBe(true);
    expect(sheet.getColumn(column('覆盖率') + 1).numFmt).toBe('0.0%');
    expect(sheet.getColumn(column('区域名称') + 1).width).toBeGreaterThanOrEqual('合计（鼓楼区）'.length * 2);
  });

  it('is a CSV with a byte-order mark, the same rows with shares as the dashboard shows them', async () => {
    const response = await report('r1', 'g', 'csv');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect([...response.rawPayload.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = response.rawPayload.toString('utf8').slice(1).trimEnd().split('\r\n');
    // One header (the levels share their columns), the grid's row, both micro-grids and their totals.
    expect(lines).toHaveLength(5);
    const mg1 = lines.find((line) => line.startsWith('微网格,mg1,'))!.split(',');
    const { counts, figures } = await countsOf(server, 'r1', 'mg1');
    const header = lines[0]!.split(',');
    expect(Number(mg1[header.indexOf('已入户')])).toBe(counts.households.visited);
    expect(mg1[header.indexOf('覆盖率')]).toBe(figures.shares.coverage!.text.zh.split(' ')[1]);
  });

  it("takes its columns from the round's template: the vaccination census has its own words and measures", async () => {
    const response = await report('r2', 'g', 'xlsx');
    const { sheets } = await readXlsx(response.rawPayload);
    const [header, ...rows] = sheets.get('微网格')!;
    expect(header).toEqual(expect.arrayContaining(['60岁及以上人数', '应接种人数', '全程接种', '禁忌症', '希望上门接种', '不需要', '入户率', '60岁以上摸排率', '全程接种率', '是否摸排完成']));
    expect(header).not.toContain('红码');
    const mg2 = rows.find((cells) => cells[1] === 'mg2')!;
    const { counts } = await countsOf(server, 'r2', 'mg2');
    expect(mg2[(header as string[]).indexOf('希望上门接种')]).toBe(counts.markers.wants);
    expect(mg2[(header as string[]).indexOf('60岁及以上人数')]).toBe(counts.members.total);
  });

  it('answers 400 naming the field for an unknown format, and 404 for an unknown round or area', async () => {
    const bad = await report('r1', 'g', 'pdf');
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('format');
    expect((await report('nope', 'g', 'csv')).statusCode).toBe(404);
    expect((await report('r1', 'nope', 'csv')).statusCode).toBe(404);
  });
});
