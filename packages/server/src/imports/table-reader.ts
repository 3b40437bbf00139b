import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { PassThrough, type Readable } from 'node:stream';
import { detectEncoding, type CsvEncoding } from './text-encoding.js';

/** One row of a spreadsheet: its number as the user sees it (1 = the first line) and its cells as text. */
export interface TableRow {
  readonly row: number;
  readonly cells: readonly string[];
}

export type TableFormat = 'xlsx' | 'csv';

export interface TableReadOptions {
  readonly format?: TableFormat;
  /** For CSV; guessed from the first bytes when absent. */
  readonly encoding?: CsvEncoding;
  /** Told how many bytes of the file have been read, of how many. */
  readonly onBytes?: (done: number, total: number) => void;
}

const SNIFF_BYTES = 64 * 1024;

export function tableFormatOf(fileName: string): TableFormat | undefined {
  const extension = extname(fileName).toLowerCase();
  if (extension === '.xlsx') return 'xlsx';
  if (extension === '.csv' || extension === '.txt') return 'csv';
  return undefined;
}

/**
 * Streams the rows of the first sheet of an XLSX or of a CSV: memory stays
 * flat whatever the file's size. Blank rows are skipped; cells are trimmed text.
 */
export async function* readTable(path: string, options: TableReadOptions = {}): AsyncGenerator<TableRow> {
  const format = options.format ?? tableFormatOf(path);
  if (!format) throw new TypeError(`cannot tell the format of ${path}: name it .xlsx or .csv`);
  const total = (await stat(path)).size;
  const input = countedStream(createReadStream(path), total, options.onBytes);
  if (format === 'xlsx') yield* xlsxRows(input);
  else yield* csvRows(input, options.encoding ?? (await sniffEncoding(path)));
}

function countedStream(source: Readable, total: number, onBytes: TableReadOptions['onBytes']): Readable {
  if (!onBytes) return source;
  let done = 0;
  const counted = new PassThrough();
  source.on('data', (chunk: Buffer) => {
    done += chunk.length;
    onBytes(done, total);
  });
  source.on('error', (error) => counted.destroy(error));
  return source.pipe(counted);
}

async function sniffEncoding(path: string): Promise<CsvEncoding> {
  const file = await open(path);
  try {
    const head = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await file.read(head, 0, SNIFF_BYTES, 0);
    return detectEncoding(head.subarray(0, bytesRead));
  } finally {
    await file.close();
  }
}

async function* csvRows(input: Readable, encoding: CsvEncoding): AsyncGenerator<TableRow> {
  // iconv-lite drops a UTF-8 BOM itself; csv-parse's bom option covers the rest.
  const parser = input.pipe(iconv.decodeStream(encoding)).pipe(parse({ bom: true, relax_column_count: true, skip_empty_lines: true, info: true }));
  for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
    const cells = record.map((cell) => cell.trim());
    if (cells.every((cell) => cell === '')) continue;
    yield { row: info.lines, cells };
  }
}

async function* xlsxRows(input: Readable): AsyncGenerator<TableRow> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    worksheets: 'emit',
    entries: 'emit',
  });
  for await (const sheet of workbook) {
    for await (const row of sheet) {
      const values = row.values as unknown[];
      const cells: string[] = [];
      for (let column = 1; column < values.length; column++) cells.push(cellText(values[column]));
      if (cells.every((cell) => cell === '')) continue;
      yield { row: row.number, cells };
    }
    // Only the first sheet is the roster; notes on other sheets are not read.
    break;
  }
}

/** A cell's value as the text the user sees: numbers without grouping, dates as YYYY-MM-DD, formulas by their result. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    const cell = value as { richText?: { text: string }[]; text?: unknown; result?: unknown; error?: string };
    if (cell.richText) return cell.richText.map((part) => part.text).join('').trim();
    if (cell.result !== undefined) return cellText(cell.result);
    if (typeof cell.text === 'string') return cell.text.trim();
    if (cell.error) return '';
  }
  return '';
}
