import ExcelJS from 'exceljs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readTable } from '../../src/imports/table-reader.js';

describe('the table reader', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'gridsweep-table-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('reads Chinese text of a large XLSX intact, even where a character falls across two of the reader’s chunks', async () => {
    const path = join(dir, 'large.xlsx');
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: false });
    const sheet = workbook.addWorksheet('花名册');
    const names = (row: number) => `王${'芳明伟'[row % 3]!}${row}号楼`;
    for (let row = 1; row <= 20_000; row++) sheet.addRow([names(row), '独居老人、慢性病']).commit();
    sheet.commit();
    await workbook.commit();
    let rows = 0;
    for await (const { row, cells } of readTable(path)) {
      expect(cells).toEqual([names(row), '独居老人、慢性病']);
      rows++;
    }
    expect(rows).toBe(20_000);
  });
});
