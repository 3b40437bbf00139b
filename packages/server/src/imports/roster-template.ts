import type { SpecialGroup } from '@gridsweep/core';
import ExcelJS from 'exceljs';
import { ROSTER_FIELDS } from './roster-fields.js';

/**
 * The downloadable roster (底数清) template: the headers an import matches,
 * required ones marked, and a second sheet naming the
 * special groups a 特殊人群 cell may hold. Only the first sheet is imported.
 */
export async function rosterTemplate(groups: readonly SpecialGroup[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('花名册');
  sheet.columns = ROSTER_FIELDS.map((field) => ({ header: field.header, key: field.id, width: Math.max(10, field.header.length * 3) }));
  sheet.getRow(1).font = { bold: true };
  for (const [index, field] of ROSTER_FIELDS.entries()) {
    if (field.required) sheet.getRow(1).getCell(index + 1).note = '必填 required';
  }
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  const notes = workbook.addWorksheet('说明');
  notes.addRow(['一行一人；同一楼栋、单元、房号的人为一户。One row per member; the same 楼栋, 单元 and 房号 make one household.']);
  notes.addRow(['特殊人群可填多个，用、分隔。Several special groups go in one cell, split by 、.']);
  notes.addRow([]);
  notes.addRow(['特殊人群', 'id', 'English']);
  for (const group of groups) notes.addRow([group.name.zh, group.id, group.name.en]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
