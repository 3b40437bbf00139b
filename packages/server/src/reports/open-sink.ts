import type { Writable } from 'node:stream';
import { CsvSink } from './csv-sink.js';
import type { ExportFormat } from '@gridsweep/contract';
import type { TableSink } from './table-sink.js';
import { XlsxSink } from './xlsx-sink.js';

export function openSink(format: ExportFormat, out: Writable): TableSink {
  return format === 'xlsx' ? new XlsxSink(out) : new CsvSink(out);
}
