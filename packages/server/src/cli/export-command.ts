import { createWriteStream } from 'node:fs';
import { userInfo } from 'node:os';
import type { Writable } from 'node:stream';
import { EXPORT_FORMATS, LEDGER_KINDS, MAX_REVEAL_REASON_LENGTH, MIN_REVEAL_REASON_LENGTH, type ExportFormat, type LedgerKind } from '@gridsweep/contract';
import type { FastifyInstance } from 'fastify';
import { readConfig } from '../config.js';
import { dailyReportFile, ledgerFile, type ExportFile } from '../reports/export-files.js';
import { alarmingOptions } from '../reports/ledgers.js';
import { buildServer } from '../server.js';
import { parseOptions, UsageError } from './usage-error.js';

export const EXPORT_HELP = `Usage: gridsweep export report --round ID --area ID [options]
       gridsweep export ledger ${LEDGER_KINDS.join('|')} --round ID --area ID [options]

Writes the daily report (统计报表: one sheet per level from the area down to
the micro-grids, with a totals row) or a ledger (台账) of a round and an area,
from the configured database (DATABASE_URL, or DATA_DIR for the embedded
PGlite, which a running server holds: stop it first or use its HTTP API).

Ledgers:
  special-groups   special-group members and whether their household was visited
  not-visited      the households still to visit (the mop-up list)
  markers          members whose marker warns or alerts (red and yellow codes)

Options:
  --round ID         the round; required
  --area ID          the area; required
  --format F         ${EXPORT_FORMATS.join(' or ')}, default xlsx
  --out FILE         file to write, or - for stdout; default the report's own name
  --reveal           names and phones in full (ledgers only); needs --reason
  --reason TEXT      why, kept in the audit log with your system user name
  -h, --help         this text
`;

function isFormat(value: string): value is ExportFormat {
  return (EXPORT_FORMATS as readonly string[]).includes(value);
}

function isLedgerKind(value: string | undefined): value is LedgerKind {
  return value !== undefined && (LEDGER_KINDS as readonly string[]).includes(value);
}

async function writeTo(file: ExportFile, out: string): Promise<{ rows: number; where: string }> {
  const where = out === '' ? file.fileName : out;
  const stream: Writable = where === '-' ? process.stdout : createWriteStream(where);
  const finished = where === '-' ? Promise.resolve() : new Promise<void>((resolve, reject) => stream.once('close', resolve).once('error', reject));
  const { rows } = await file.write(stream);
  await finished;
  return { rows, where };
}

export async function exportCommand(args: readonly string[]): Promise<void> {
  const [what, ...rest] = args;
  if (what === undefined || what === '--help' || what === '-h') {
    process.stdout.write(EXPORT_HELP);
    return;
  }
  if (what !== 'report' && what !== 'ledger') throw new UsageError(`export what? "report" or "ledger", got "${what}"`);
  const kind = what === 'ledger' ? rest.shift() : undefined;
  if (what === 'ledger' && !isLedgerKind(kind)) throw new UsageError(`the ledger must be one of ${LEDGER_KINDS.join(', ')}, got "${kind ?? ''}"`);
  const values = parseOptions(rest, {
    round: { type: 'string' },
    area: { type: 'string' },
    format: { type: 'string', default: 'xlsx' },
    out: { type: 'string', default: '' },
    reveal: { type: 'boolean', default: false },
    reason: { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  });
  if (values.help) {
    process.stdout.write(EXPORT_HELP);
    return;
  }
  if (!values.round) throw new UsageError('--round is required');
  if (!values.area) throw new UsageError('--area is required');
  if (!isFormat(values.format)) throw new UsageError(`--format must be ${EXPORT_FORMATS.join(' or ')}, got "${values.format}"`);
  if (values.reveal && what !== 'ledger') throw new UsageError('--reveal is for ledgers: the report holds no names');
  const reason = values.reason?.trim() ?? '';
  if (values.reveal && (reason.length < MIN_REVEAL_REASON_LENGTH || reason.length > MAX_REVEAL_REASON_LENGTH)) {
    throw new UsageError(`--reveal needs --reason of ${MIN_REVEAL_REASON_LENGTH} to ${MAX_REVEAL_REASON_LENGTH} characters, kept in the audit log`);
  }

  const app: FastifyInstance = await buildServer({ config: { ...readConfig(), logLevel: 'warn' } });
  try {
    await app.ready();
    const round = app.roster.round(values.round);
    if (!round) throw new UsageError(`no round has the id "${values.round}"`);
    const area = app.roster.territory.area(values.area);
    if (!area) throw new UsageError(`no area has the id "${values.area}"`);
    const target = { round, area, campaign: app.roster.campaignOf(round), format: values.format, at: Date.now() };
    let file: ExportFile;
    if (isLedgerKind(kind)) {
      if (kind === 'markers' && alarmingOptions(target.campaign.template).length === 0) throw new UsageError("the round's template has no marker option that warns or alerts");
      const { counting } = app;
      file = ledgerFile(
        { ...target, kind, reveal: values.reveal },
        {
          db: app.storage.db,
          territory: app.roster.territory,
          householdValues: (roundId, householdId) => counting.householdValues(roundId, householdId),
          memberValues: (roundId, memberId) => counting.memberValues(roundId, memberId),
        },
      );
      await app.access.audit.record({
        actorId: `cli:${userInfo().username}`,
        actorRole: 'admin',
        action: 'ledger.export',
        target: `ledger:${round.id}/${area.id}/${kind}`,
        reason: values.reveal ? reason : null,
        source: 'cli',
        detail: { ledger: kind, format: values.format, revealed: values.reveal },
      });
    } else {
      file = dailyReportFile(target, { territory: app.roster.territory, counts: (roundId, areaId) => app.counting.counts(roundId, areaId) });
    }
    const { rows, where } = await writeTo(file, values.out);
    if (where !== '-') process.stderr.write(`gridsweep export: ${rows} rows written to ${where}\n`);
  } finally {
    await app.close();
  }
}
