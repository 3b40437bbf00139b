import type { Writable } from 'node:stream';
import { columnName, packageParts, rowXml, SHEET_TAIL, sheetHead, STYLE, worksheetPath } from './spreadsheet-xml.js';
import type { Cell, TableColumn, TableSink } from './table-sink.js';
import { ZipWriter } from './zip-writer.js';

/**
 * Rows are encoded one by one into a piece of this many bytes, which goes to
 * the deflater when full: a call per row cost more than its XML, and one
 * string of many rows joined cost more to flatten and encode than the rows.
 */
const PIECE_BYTES = 1024 * 1024;

/** Excel refuses sheet names over 31 characters or with any of []:*?/\. */
function sheetName(name: string, taken: Set<string>): string {
  const base = name.replace(/[[\]:*?/\\]/g, '_').slice(0, 28) || 'Sheet';
  let candidate = base;
  for (let n = 2; taken.has(candidate); n++) candidate = `${base}_${n}`;
  taken.add(candidate);
  return candidate;
}

/**
 * An XLSX written as it goes, one worksheet per sheet, with a bold frozen
 * header, column widths and number formats on the columns, and totals rows
 * in bold. The worksheet XML is written as text straight into a streamed zip
 * (see ADR 0050): a city's report is 73 000 rows of 40 cells, and a general
 * spreadsheet library's object per cell took most of the time.
 */
export class XlsxSink implements TableSink {
  readonly format = 'xlsx' as const;
  private readonly zip: ZipWriter;
  private readonly names: string[] = [];
  private readonly taken = new Set<string>();
  private letters: string[] = [];
  private bodyStyles: number[] = [];
  private totalStyles: number[] = [];
  private rowNumber = 0;
  private piece = Buffer.allocUnsafe(PIECE_BYTES);
  private used = 0;

  constructor(out: Writable) {
    this.zip = new ZipWriter(out);
  }

  async beginSheet(name: string, columns: readonly TableColumn[]): Promise<void> {
    await this.zip.begin(worksheetPath(this.names.length));
    this.names.push(sheetName(name, this.taken));
    this.letters = columns.map((_, i) => columnName(i));
    this.bodyStyles = columns.map((column) => STYLE.body[column.kind]);
    this.totalStyles = columns.map((column) => STYLE.total[column.kind]);
    await this.append(sheetHead(columns.map((column, i) => ({ width: column.width, style: this.bodyStyles[i]! }))));
    this.rowNumber = 1;
    const headerStyles = columns.map(() => STYLE.header);
    await this.append(rowXml(1, columns.map((column) => column.header), this.letters, headerStyles, STYLE.header));
  }

  async row(cells: readonly Cell[], options: { readonly total?: boolean } = {}): Promise<void> {
    this.rowNumber += 1;
    await this.append(rowXml(this.rowNumber, cells, this.letters, options.total ? this.totalStyles : this.bodyStyles));
  }

  async endSheet(): Promise<void> {
    await this.append(SHEET_TAIL);
    await this.flush();
    await this.zip.end();
  }

  async finish(): Promise<void> {
    // A workbook needs a sheet: an export with nothing in it still opens.
    if (this.names.length === 0) {
      await this.beginSheet('Sheet', []);
      await this.endSheet();
    }
    for (const [path, xml] of packageParts(this.names, 'gridsweep', new Date())) await this.zip.add(path, xml);
    await this.zip.finish();
  }

  /** A UTF-8 character is at most 3 bytes per UTF-16 unit: a text that may not fit waits for a fresh piece (or goes alone). */
  private async append(xml: string): Promise<void> {
    if (this.used + xml.length * 3 > PIECE_BYTES) await this.flush();
    if (xml.length * 3 > PIECE_BYTES) await this.zip.write(Buffer.from(xml, 'utf8'));
    else this.used += this.piece.write(xml, this.used, 'utf8');
  }

  /** The piece goes to the deflater, which keeps it until read: the next rows go into a new one. */
  private async flush(): Promise<void> {
    if (this.used === 0) return;
    const full = this.piece.subarray(0, this.used);
    this.piece = Buffer.allocUnsafe(PIECE_BYTES);
    this.used = 0;
    await this.zip.write(full);
  }
}
