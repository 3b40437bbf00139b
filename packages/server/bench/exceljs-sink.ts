import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Cell, ColumnKind, TableColumn, TableSink } from '../src/reports/table-sink.js';

const NUMBER_FORMATS: Record<ColumnKind, string | undefined> = {
  text: '@',
  integer: '0',
  percent: '0.0%',
};

/** Excel refuses sheet names over 31 characters or with any of []:*?/\. */
function sheetName(name: string, taken: Set<string>): string {
  const base = name.replace(/[[\]:*?/\\]/g, '_').slice(0, 28) || 'Sheet';
  let candidate = base;
  for (let n = 2; taken.has(candidate); n++) candidate = `${base}_${n}`;
  taken.add(candidate);
  return candidate;
}

/**
 * The bench's baseline: the report's XLSX writer as it was before ADR 0050,
 * exceljs's streaming writer (each row is committed and leaves memory) with a
 * style per cell. bench:report writes the same report through it in the
 * same run, so the ratio holds however loaded the machine is.
 */
export class ExceljsSink implements TableSink {
  readonly format = 'xlsx' as const;
  private readonly workbook: ExcelJS.stream.xlsx.WorkbookWriter;
  private sheet: ExcelJS.Worksheet | null = null;
  private readonly names = new Set<string>();
  /**
   * One style object per column (and one for its totals cell), shared by
   * every cell: exceljs finds a style it has seen by the object's identity,
   * and a fresh object per cell made it work out the same style anew for
   * each of a city's million cells.
   */
  private cellStyles: Partial<ExcelJS.Style>[] = [];
  private totalStyles: Partial<ExcelJS.Style>[] = [];

  constructor(out: Writable) {
    this.workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
    this.workbook.creator = 'gridsweep';
  }

  async beginSheet(name: string, columns: readonly TableColumn[]): Promise<void> {
    const sheet = this.workbook.addWorksheet(sheetName(name, this.names), { views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }] });
    sheet.columns = columns.map((column) => ({ header: column.header, width: column.width, style: { numFmt: NUMBER_FORMATS[column.kind] } }));
    const header = sheet.getRow(1);
    header.font = { bold: true };
    header.alignment = { vertical: 'middle', horizontal: 'center' };
    header.commit();
    this.cellStyles = columns.map((column) => ({ numFmt: NUMBER_FORMATS[column.kind] }));
    this.totalStyles = columns.map((column) => ({ numFmt: NUMBER_FORMATS[column.kind], font: { bold: true } }));
    this.sheet = sheet;
  }

  async row(cells: readonly Cell[], options: { readonly total?: boolean } = {}): Promise<void> {
    const row = this.sheet!.addRow(cells);
    const styles = options.total ? this.totalStyles : this.cellStyles;
    row.eachCell((cell, column) => {
      cell.style = styles[column - 1]!;
    });
    row.commit();
  }

  async endSheet(): Promise<void> {
    await (this.sheet as unknown as { commit(): Promise<void> }).commit();
    this.sheet = null;
  }

  async finish(): Promise<void> {
    await this.workbook.commit();
  }
}
