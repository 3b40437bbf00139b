import type { Writable } from 'node:stream';
import { EXPORT_CONTENT_TYPES, type ExportFormat, type LedgerKind } from '@gridsweep/contract';
import type { Area, Round } from '@gridsweep/core';
import type { Campaign } from '../campaigns/campaign-catalogue.js';
import { writeDailyReport, type ReportSources } from './daily-report.js';
import { exportFileName, reportDay } from './download-name.js';
import { ledgerTitle, writeLedger, type LedgerSources } from './ledgers.js';
import { openSink } from './open-sink.js';

/** A file to export: what it is called, what it is, and how to write it to a stream (which it ends). */
export interface ExportFile {
  readonly fileName: string;
  /** For clients that cannot read filename*: ASCII only. */
  readonly asciiName: string;
  readonly contentType: string;
  write(out: Writable): Promise<{ rows: number }>;
}

export interface ExportTarget {
  readonly round: Round;
  readonly campaign: Campaign;
  readonly area: Area;
  readonly format: ExportFormat;
  /** When the export is made: the day in its name. */
  readonly at: number;
}

export function dailyReportFile(target: ExportTarget, sources: ReportSources): ExportFile {
  const { round, area, format } = target;
  return {
    fileName: exportFileName([round.name, area.name, '统计报表', reportDay(target.at)], format),
    asciiName: exportFileName(['report', round.id, area.id, reportDay(target.at)], format),
    contentType: EXPORT_CONTENT_TYPES[format],
    async write(out) {
      const sink = openSink(format, out);
      const { rows } = await writeDailyReport(sink, target, sources);
      await sink.finish();
      return { rows };
    },
  };
}

export function ledgerFile(target: ExportTarget & { readonly kind: LedgerKind; readonly reveal: boolean }, sources: LedgerSources): ExportFile {
  const { round, area, format, kind } = target;
  return {
    fileName: exportFileName([round.name, area.name, ledgerTitle(kind, target.campaign.template), reportDay(target.at)], format),
    asciiName: exportFileName(['ledger', kind, round.id, area.id, reportDay(target.at)], format),
    contentType: EXPORT_CONTENT_TYPES[format],
    async write(out) {
      const sink = openSink(format, out);
      const rows = await writeLedger(sink, target, sources);
      await sink.finish();
      return { rows };
    },
  };
}
