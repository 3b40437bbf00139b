import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { writeFileSync } from 'node:fs';

/** Writes rows to an XLSX as Excel would save them: the first row the headers. */
export async function writeXlsx(path: string, rows: readonly (readonly (string | number)[])[]): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('花名册');
  for (const row of rows) sheet.addRow([...row]);
  await workbook.xlsx.writeFile(path);
}

/** Writes rows as CSV in the given encoding, optionally with a UTF-8 BOM. */
export function writeCsv(path: string, rows: readonly (readonly (string | number)[])[], encoding: 'utf8' | 'gb18030' = 'utf8', bom = false): void {
  const text = rows.map((row) => row.map((cell) => quote(String(cell))).join(',')).join('\r\n') + '\r\n';
  const bytes = encoding === 'utf8' ? Buffer.from(text, 'utf8') : iconv.encode(text, 'gb18030');
  writeFileSync(path, bom ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]) : bytes);
}

function quote(cell: string): string {
  return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}
