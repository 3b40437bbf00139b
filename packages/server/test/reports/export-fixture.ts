import { uuidV7, type AreaCounts, type AreaEvaluation, type SweepEvent } from '@gridsweep/core';
import ExcelJS from 'exceljs';
import type { TestServer } from '../support/test-server.js';
import { memberEvent, visitEvent } from '../support/small-territory.js';

/** The census round of the small territory: the elderly-vaccination template beside the test round r1. */
export const CENSUS = { id: 'r2', name: '老年人疫苗接种摸排', templateId: 'elderly-vaccination', rulesId: 'elderly-vaccination-default', areaId: 'c', startsAt: Date.UTC(2022, 10, 14) };

export interface CountsAnswer {
  readonly counts: AreaCounts;
  readonly figures: AreaEvaluation;
}

function censusEvent(householdId: string, values: Record<string, string>, memberId?: string): SweepEvent {
  return { id: uuidV7(), deviceTime: Date.UTC(2022, 10, 14, 9), roundId: 'r2', workerId: 'w1', householdId, ...(memberId ? { memberId } : {}), values };
}

/**
 * A morning in both rounds: in r1 some doors visited, one refused, one
 * member red and one yellow; in r2 a door visited with a home-vaccination request.
 */
export async function sweepSomeDoors(server: TestServer): Promise<void> {
  const inject = (method: 'POST', url: string, payload: object) => server.app.inject({ method, url, headers: server.auth, payload });
  const opened = await inject('POST', '/api/v1/rounds', CENSUS);
  if (opened.statusCode !== 201) throw new Error(opened.body);
  const answer = await inject('POST', '/api/v1/events', {
    events: [
      visitEvent('mg1-b1-1-101'),
      visitEvent('mg1-b1-1-201'),
      visitEvent('mg2-b2-2-101'),
      { ...visitEvent('mg1-b2-1-101'), values: { outcome: 'refused' } },
      { ...memberEvent('mg1-b1-1-101', 'mg1-b1-1-101-m1'), values: { test: 'tested', code: 'red' } },
      { ...memberEvent('mg1-b1-1-201', 'mg1-b1-1-201-m2'), values: { test: 'tested', code: 'yellow' } },
      memberEvent('mg2-b2-2-101', 'mg2-b2-2-101-m1', 3),
      censusEvent('mg2-b1-1-101', { outcome: 'visited' }),
      censusEvent('mg2-b1-1-101', { doses: 'one', home_vaccination: 'wants' }, 'mg2-b1-1-101-m1'),
    ],
  });
  const rejected = answer.json<{ results: { status: string }[] }>().results.filter((result) => result.status === 'rejected');
  if (rejected.length > 0) throw new Error(answer.body);
}

export async function countsOf(server: TestServer, roundId: string, areaId: string): Promise<CountsAnswer> {
  return (await server.app.inject({ method: 'GET', url: `/api/v1/rounds/${roundId}/areas/${areaId}/counts`, headers: server.auth })).json<CountsAnswer>();
}

/** An XLSX's sheets as rows of plain values, read with exceljs's own (non-streaming) reader. */
export async function readXlsx(bytes: Buffer): Promise<{ workbook: ExcelJS.Workbook; sheets: Map<string, unknown[][]> }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheets = new Map<string, unknown[][]>();
  workbook.eachSheet((sheet) => {
    const rows: unknown[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    sheets.set(sheet.name, rows);
  });
  return { workbook, sheets };
}
