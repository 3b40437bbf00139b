import type { ExportFormat } from '@gridsweep/contract';

/** How a column's cells are written: text as it is, counts as integers, shares as percentages. */
export type ColumnKind = 'text' | 'integer' | 'percent';

export interface TableColumn {
  readonly header: string;
  readonly kind: ColumnKind;
  /** In characters of Latin width (a Chinese character is two); the XLSX writer sets it, CSV has none. */
  readonly width: number;
}

/** A text, a count, or a share (0–1, already cut the way core's `percent` cuts it); null is an empty cell. */
export type Cell = string | number | null;

/**
 * Where a report or ledger is written, sheet by sheet and row by row, so the
 * writers (XLSX, CSV) stream and the builders never know which one they feed.
 */
export interface TableSink {
  readonly format: ExportFormat;
  beginSheet(name: string, columns: readonly TableColumn[]): Promise<void>;
  row(cells: readonly Cell[], options?: { readonly total?: boolean }): Promise<void>;
  endSheet(): Promise<void>;
  /** Flushes everything and ends the stream. */
  finish(): Promise<void>;
}


/** CJK and full-width characters: two columns wide in a spreadsheet. */
function isWide(code: number): boolean {
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6)
  );
}

/** How wide a text shows in a spreadsheet: CJK and full-width characters take two columns, a surrogate pair one. */
export function displayWidth(text: string): number {
  let width = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff) i++;
    width += isWide(code) ? 2 : 1;
  }
  return width;
}

/** A column wide enough for its header and its widest value, with a little air, within reason. */
export function fittedWidth(header: string, widest: number): number {
  return Math.min(60, Math.max(displayWidth(header), widest) + 2);
}

/**
 * A share as the report shows it: cut (never rounded up) to 0.1 %, as core's
 * `percent` cuts it, so a spreadsheet's 0.0% format shows the dashboard's figure.
 */
export function cutShare(value: number | null): number | null {
  return value === null ? null : Math.floor(value * 1000) / 1000;
}
