import type { Writable } from 'node:stream';
import { percent } from '@gridsweep/core';
import type { Cell, TableColumn, TableSink } from './table-sink.js';

/** Excel reads a UTF-8 CSV as UTF-8 only when it starts with the byte-order mark. */
const BOM = '\uFEFF';

/** A text a spreadsheet would run as a formula (=, +, -, @) is written with a leading apostrophe. */
function neutralised(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function quoted(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * One CSV for every sheet: the header is written again only when a sheet's
 * columns differ from the last one's (the daily report's levels share theirs).
 * Shares are written as the dashboard shows them (94.9%).
 */
export class CsvSink implements TableSink {
  readonly format = 'csv' as const;
  private columns: readonly TableColumn[] = [];
  private lastHeader: string | null = null;
  private started = false;

  constructor(private readonly out: Writable) {}

  async beginSheet(_name: string, columns: readonly TableColumn[]): Promise<void> {
    this.columns = columns;
    const header = this.line(columns.map((column) => column.header));
    if (header !== this.lastHeader) await this.write(header);
    this.lastHeader = header;
  }

  async row(cells: readonly Cell[]): Promise<void> {
    await this.write(this.line(cells.map((cell, i) => this.text(cell, this.columns[i]))));
  }

  async endSheet(): Promise<void> {}

  async finish(): Promise<void> {
    if (!this.started) await this.write('');
    await new Promise<void>((resolve, reject) => this.out.end((error?: Error | null) => (error ? reject(error) : resolve())));
  }

  private text(cell: Cell, column: TableColumn | undefined): string {
    if (cell === null) return column?.kind === 'percent' ? percent(null) : '';
    if (typeof cell === 'number') return column?.kind === 'percent' ? percent(cell) : String(cell);
    return neutralised(cell);
  }

  private line(texts: readonly string[]): string {
    return `${texts.map(quoted).join(',')}\r\n`;
  }

  private async write(text: string): Promise<void> {
    const chunk = this.started ? text : BOM + text;
    this.started = true;
    if (!this.out.write(chunk)) await new Promise<void>((resolve) => this.out.once('drain', resolve));
  }
}
